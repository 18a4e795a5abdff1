// Indexes wanted: see interruptions-by-person.ts (notifications by user and time); incidents
// (acknowledged_by, triggered_at) would serve the acknowledged count, which today scans the
// period's incidents by incidents_triggered_idx. On-call hours, burden and ledger are the fairness
// report's (lib/schedules/fairness-report.ts) for the teams in scope, read together.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { incidents, teamMembers, teams, users } from "@/db/schema";
import { requireTeamVisible } from "@/lib/access/check";
import { roleHas } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context";
import { fairnessReports } from "@/lib/schedules/fairness-report";
import { serializeFilters } from "./filters";
import { interruptionsByPerson } from "./interruptions-by-person";
import { incidentScope, openReport } from "./report-scope";
import type { LoadPersonRow, LoadReport } from "./types";

/**
 * Load per person in the period: on-call hours, weighted burden and cover-ledger balance from the
 * fairness report of each team in scope (summed over a person's teams), pages received and the
 * interruptions they made by band in the person's zone, incidents they acknowledged. People are the
 * members of the teams in scope: every team for managers and admins, their own for engineers.
 * Someone is highlighted when their burden or interruptions are more than one standard deviation
 * and 25% above their team's mean. Stakeholders may not read it.
 */
export async function loadReport({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<LoadReport> {
  const f = await openReport(ctx, input, "reports:read-load", "load_report");
  if (f.teamId) await requireTeamVisible(ctx, f.teamId);
  const teamIds = f.teamId ? [f.teamId] : roleHas(ctx.viewer.role, "teams:manage") ? (await ctx.db.select({ id: teams.id }).from(teams).orderBy(asc(teams.name))).map((t) => t.id) : ctx.viewer.teamIds;
  if (teamIds.length === 0) return { filters: serializeFilters(f), people: [], mean: { burden: 0, interruptions: 0 } };
  const members = await ctx.db
    .select({ userId: users.id, name: users.name, timeZone: users.timeZone, teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, teamIds), eq(users.disabled, false)))
    .orderBy(asc(users.name));
  const userIds = [...new Set(members.map((m) => m.userId))];
  const [fairness, pages, acks] = await Promise.all([
    fairnessReports(ctx, { teamIds, from: f.from, to: f.to }),
    interruptionsByPerson(ctx, f, userIds),
    userIds.length
      ? ctx.db
          .select({ userId: incidents.acknowledgedBy, n: sql<number>`count(*)::int` })
          .from(incidents)
          .where(and(incidentScope(ctx, f), inArray(incidents.acknowledgedBy, userIds)))
          .groupBy(incidents.acknowledgedBy)
      : Promise.resolve([]),
  ]);
  const acked = new Map(acks.map((a) => [a.userId, Number(a.n)]));
  const people = new Map<string, LoadPersonRow & { heaviest: number }>();
  for (const m of members) {
    if (people.has(m.userId)) continue;
    const p = pages.get(m.userId);
    people.set(m.userId, {
      userId: m.userId,
      name: m.name,
      timeZone: m.timeZone,
      onCallHours: 0,
      notifications: p?.notifications ?? 0,
      interruptions: p?.interruptions ?? { business: 0, off_hours: 0, sleep: 0, total: 0 },
      acknowledged: acked.get(m.userId) ?? 0,
      burden: 0,
      ledgerHours: 0,
      highlighted: false,
      teamId: f.teamId ?? m.teamId,
      heaviest: -1,
    });
  }
  for (const report of fairness) {
    for (const fp of report.people) {
      const row = people.get(fp.userId);
      if (!row) continue;
      row.onCallHours += fp.hours;
      row.burden += fp.burden;
      row.ledgerHours += fp.ledgerHoursGiven - fp.ledgerHoursReceived;
      // The generator link goes to the team where they carried the most.
      if (!f.teamId && fp.burden > row.heaviest) {
        row.heaviest = fp.burden;
        row.teamId = report.teamId;
      }
    }
  }
  const rows = [...people.values()].map(({ heaviest: _h, ...row }) => row);
  highlight(rows);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : 0);
  return { filters: serializeFilters(f), people: rows, mean: { burden: mean(rows.map((r) => r.burden)), interruptions: mean(rows.map((r) => r.interruptions.total)) } };
}

/** Far above the team mean: more than one (population) standard deviation and 25% above it, in burden or interruptions. */
function highlight(rows: LoadPersonRow[]): void {
  const byTeam = new Map<string, LoadPersonRow[]>();
  for (const r of rows) byTeam.set(r.teamId ?? "", [...(byTeam.get(r.teamId ?? "") ?? []), r]);
  for (const group of byTeam.values()) {
    const above = (value: (r: LoadPersonRow) => number) => {
      const xs = group.map(value);
      const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
      return (r: LoadPersonRow) => value(r) > mean + sd && value(r) > 1.25 * mean;
    };
    const heavyBurden = above((r) => r.burden);
    const heavyInterruptions = above((r) => r.interruptions.total);
    for (const r of group) r.highlighted = heavyBurden(r) || heavyInterruptions(r);
  }
}
