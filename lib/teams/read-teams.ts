import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamHolidays, teamMembers, teams, users } from "@/db/schema";
import { can, requirePermission, requireTeamVisible } from "@/lib/access/check";
import type { Viewer } from "@/lib/access/viewer";
import { afterCursor, toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import type { TeamDetail, TeamOutput } from "./schemas";

async function leadsByTeam(db: Queryable, teamIds: string[]) {
  if (teamIds.length === 0) return new Map<string, { userId: string; name: string }[]>();
  const rows = await db
    .select({ teamId: teamMembers.teamId, userId: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, teamIds), eq(teamMembers.isLead, true)))
    .orderBy(asc(users.name));
  const map = new Map<string, { userId: string; name: string }[]>();
  for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), { userId: r.userId, name: r.name }]);
  return map;
}

const memberCount = sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.teamId} = ${teams.id})`;

/** The teams a viewer may see, as a condition: all for managers (undefined), their own for engineers. */
export function teamScope(viewer: Viewer) {
  return can(viewer, "teams:manage") ? undefined : inArray(teams.id, viewer.teamIds.length ? viewer.teamIds : [""]);
}

/** Teams the viewer may see: all for managers, their own for engineers. */
export async function listTeams(ctx: Ctx, query: PageQuery): Promise<Page<TeamOutput>> {
  await requirePermission(ctx, "teams:read");
  const scope = teamScope(ctx.viewer);
  const rows = await ctx.db
    .select({ id: teams.id, name: teams.name, description: teams.description, createdAt: teams.createdAt, memberCount })
    .from(teams)
    .where(and(scope, afterCursor(query.cursor, teams.name, teams.id)))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(query.limit + 1);
  const leads = await leadsByTeam(ctx.db, rows.map((r) => r.id));
  return toPage(rows, query.limit, (r) => [r.name, r.id], (r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    memberCount: r.memberCount,
    leads: leads.get(r.id) ?? [],
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function getTeam(ctx: Ctx, teamId: string): Promise<TeamDetail> {
  await requireTeamVisible(ctx, teamId);
  const [team] = await ctx.db.select().from(teams).where(eq(teams.id, teamId));
  if (!team) throw new NotFoundError("Team");
  const members = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, isLead: teamMembers.isLead })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(users.name));
  const holidays = await ctx.db.select({ date: teamHolidays.date, name: teamHolidays.name }).from(teamHolidays).where(eq(teamHolidays.teamId, teamId)).orderBy(asc(teamHolidays.date));
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    createdAt: team.createdAt.toISOString(),
    memberCount: members.length,
    leads: members.filter((m) => m.isLead).map((m) => ({ userId: m.userId, name: m.name })),
    members,
    holidays,
  };
}

/** The teams a person is on (as far as the viewer may see teams), leads marked: their page. */
export async function teamsOfPerson(ctx: Ctx, userId: string): Promise<{ id: string; name: string; isLead: boolean }[]> {
  await requirePermission(ctx, "teams:read", { type: "user", id: userId });
  return ctx.db
    .select({ id: teams.id, name: teams.name, isLead: teamMembers.isLead })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), teamScope(ctx.viewer)))
    .orderBy(asc(teams.name));
}
