// Indexes wanted: see interruptions-by-person.ts (notifications by user and time); the acknowledged
// counts scan the period's incidents by incidents_triggered_idx. On-call hours, burden and ledger are
// the fairness report's (lib/schedules/fairness-report.ts) for the teams in scope, read together.
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { incidents, teamMembers, teams, users } from "@/db/schema";
import { requireTeamVisible } from "@/lib/access/check";
import { roleHas } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context";
import { farAboveTeamMean, teamLoadMeans } from "@/lib/core/reports";
import { fairnessReports } from "@/lib/schedules/fairness-report";
import { serializeFilters } from "./filters";
import { interruptionsByPersonAndTeam } from "./interruptions-by-person";
import { incidentScope, openReport } from "./report-scope";
import type { LoadPersonRow, LoadReport } from "./types";

/**
 * Load per person and team in the period: one row for each member of a team in scope (every team
 * for managers and admins, their own for engineers, the filter's team) and for anyone else paged
 * on that team's incidents. A row's on-call hours, weighted burden and cover-ledger balance come
 * from that team's fairness report (its schedules, its ledger); its pages, the interruptions they
 * made by band in the person's zone and the incidents acknowledged are on that team's incidents.
 * So a person in two teams has a row in each, and a team's rows are the same with or without the
 * team filter. Someone is highlighted when their burden or interruptions are more than one
 * standard deviation and 25% above their own team's mean (`teams`). Stakeholders may not read it.
 */
export async function loadReport({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<LoadReport> {
  const f = await openReport(ctx, input, "reports:read-load", "load_report");
  if (f.teamId) await requireTeamVisible(ctx, f.teamId);
  const teamIds = f.teamId ? [f.teamId] : roleHas(ctx.viewer.role, "teams:manage") ? (await ctx.db.select({ id: teams.id }).from(teams).orderBy(asc(teams.name))).map((t) => t.id) : ctx.viewer.teamIds;
  if (teamIds.length === 0) return { filters: serializeFilters(f), people: [], teams: [], mean: { burden: 0, interruptions: 0 } };
  const [members, fairness, pages, acks] = await Promise.all([
    ctx.db
      .select({ userId: users.id, name: users.name, timeZone: users.timeZone, teamId: teamMembers.teamId })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(inArray(teamMembers.teamId, teamIds), eq(users.disabled, false))),
    fairnessReports(ctx, { teamIds, from: f.from, to: f.to }),
    interruptionsByPersonAndTeam(ctx, f),
    ctx.db
      .select({ userId: incidents.acknowledgedBy, teamId: incidents.teamId, n: sql<number>`count(*)::int` })
      .from(incidents)
      .where(and(incidentScope(ctx, f), isNotNull(incidents.acknowledgedBy)))
      .groupBy(incidents.acknowledgedBy, incidents.teamId),
  ]);
  const teamNames = new Map(fairness.map((r) => [r.teamId, r.teamName]));
  const rows = new Map<string, LoadPersonRow>();
  const keyOf = (userId: string, teamId: string) => `${userId}\u0000${teamId}`;
  const rowFor = (p: { userId: string; name: string; timeZone: string; teamId: string }) => {
    const teamName = teamNames.get(p.teamId);
    if (teamName === undefined) return undefined;
    const key = keyOf(p.userId, p.teamId);
    let row = rows.get(key);
    if (!row) {
      row = {
        userId: p.userId,
        name: p.name,
        timeZone: p.timeZone,
        onCallHours: 0,
        notifications: 0,
        interruptions: { business: 0, off_hours: 0, sleep: 0, total: 0 },
        acknowledged: 0,
        burden: 0,
        ledgerHours: 0,
        highlighted: false,
        teamId: p.teamId,
        teamName,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const m of members) rowFor(m);
  // Pages on a team's incidents: a row of that team, the person's own or one of its own when they are not a member.
  for (const p of pages) {
    const row = rowFor(p);
    if (!row) continue;
    row.notifications = p.notifications;
    row.interruptions = p.interruptions;
  }
  for (const a of acks) {
    const row = a.userId ? rows.get(keyOf(a.userId, a.teamId)) : undefined;
    if (row) row.acknowledged = Number(a.n);
  }
  for (const report of fairness) {
    for (const fp of report.people) {
      const row = rows.get(keyOf(fp.userId, report.teamId));
      if (!row) continue;
      row.onCallHours = fp.hours;
      row.burden = fp.burden;
      row.ledgerHours = fp.ledgerHoursGiven - fp.ledgerHoursReceived;
    }
  }
  const people = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId) || a.teamName.localeCompare(b.teamName) || a.teamId.localeCompare(b.teamId));
  const figures = people.map((r) => ({ teamId: r.teamId, burden: r.burden, interruptions: r.interruptions.total }));
  farAboveTeamMean(figures).forEach((far, i) => (people[i]!.highlighted = far));
  const teamMeans = teamLoadMeans(figures)
    .map((t) => ({ teamId: t.teamId, teamName: teamNames.get(t.teamId)!, people: t.people, mean: { burden: t.burden, interruptions: t.interruptions } }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName) || a.teamId.localeCompare(b.teamId));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : 0);
  return { filters: serializeFilters(f), people, teams: teamMeans, mean: { burden: mean(figures.map((r) => r.burden)), interruptions: mean(figures.map((r) => r.interruptions)) } };
}
