// Index: notifications_user_page_idx (user_id, created_at, state, sent_at, incident_id) where kind = 'page' — an
// index-only range scan per person (bench:reports). The incidents join is there for the scope, and for the load
// report's per-team rows for the incident's team: a manager's dashboard headline with no filters skips it (it was
// half the statement's time on 100,000 incidents).
import { sql } from "drizzle-orm";
import { incidents, notifications, users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { countInterruptions, type InterruptionBand } from "@/lib/core/reports";
import { incidentScopeConditions, rowsOf } from "./report-scope";
import type { ReportFilters } from "./types";

export type PersonInterruptions = { userId: string; timeZone: string; notifications: number; interruptions: Record<InterruptionBand, number> & { total: number } };
/** A person's pages on one team's incidents (the load report's rows). */
export type PersonTeamInterruptions = PersonInterruptions & { teamId: string; name: string };

/**
 * Pages each person received in the period (notification rows of kind page, not cancelled, by
 * when they were created) on incidents the viewer's scope and filters allow, and those pages merged
 * into interruptions and banded in the person's own zone. A page's instant is when it was sent (its
 * creation if it was never sent). `userIds` narrows to those people.
 */
export async function interruptionsByPerson(ctx: Ctx, f: ReportFilters, userIds?: string[]): Promise<Map<string, PersonInterruptions>> {
  if (userIds && userIds.length === 0) return new Map();
  const rows = await pageRows(ctx, f, { userIds, byTeam: false });
  return new Map(rows.map((r) => [r.userId, r]));
}

/**
 * The same per person and incident team (the team whose incident paged them), for people not
 * disabled: the load report's rows. Pages within 60 s merge only within one team's rows.
 */
export async function interruptionsByPersonAndTeam(ctx: Ctx, f: ReportFilters): Promise<PersonTeamInterruptions[]> {
  return (await pageRows(ctx, f, { byTeam: true })) as PersonTeamInterruptions[];
}

async function pageRows(ctx: Ctx, f: ReportFilters, opts: { userIds?: string[]; byTeam: boolean }): Promise<(PersonInterruptions & { teamId?: string; name?: string })[]> {
  const only = opts.userIds ? sql`and ${notifications.userId} in (${sql.join(opts.userIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const scope = incidentScopeConditions(ctx, f, { period: false });
  const join = scope || opts.byTeam;
  const result = await ctx.db.execute(sql`
    select ${notifications.userId} as user_id, ${users.timeZone} as time_zone, count(*)::int as notifications,
      ${opts.byTeam ? sql`${incidents.teamId} as team_id, ${users.name} as name,` : sql``}
      string_agg((extract(epoch from coalesce(${notifications.sentAt}, ${notifications.createdAt})) * 1000)::float8::text, ',' order by coalesce(${notifications.sentAt}, ${notifications.createdAt})) as instants
    from ${notifications}
    ${join ? sql`join ${incidents} on ${incidents.id} = ${notifications.incidentId}` : sql``}
    join ${users} on ${users.id} = ${notifications.userId}
    where ${notifications.kind} = 'page' and ${notifications.state} <> 'cancelled'
      and ${notifications.createdAt} >= ${f.from.toISOString()}::timestamptz and ${notifications.createdAt} < ${f.to.toISOString()}::timestamptz
      ${scope ? sql`and ${scope}` : sql``} ${only} ${opts.byTeam ? sql`and ${users.disabled} = false` : sql``}
    group by ${notifications.userId}, ${users.timeZone}${opts.byTeam ? sql`, ${incidents.teamId}, ${users.name}` : sql``}`);
  return rowsOf(result).map((r) => {
    // One text of comma-separated float8s (exact: PostgreSQL prints the shortest round-tripping form):
    // a float8[] went through the driver's array parser, ~10 ms for a month of a team's pages.
    const instants = String(r.instants ?? "").split(",").filter(Boolean).map(Number);
    const timeZone = String(r.time_zone);
    const row = { userId: String(r.user_id), timeZone, notifications: Number(r.notifications), interruptions: countInterruptions(instants, timeZone) };
    return opts.byTeam ? { ...row, teamId: String(r.team_id), name: String(r.name) } : row;
  });
}
