import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { schedules, teamMembers, teams, timeOff, users } from "@/db/schema";
import { requirePermission, requireTeamVisible } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { burdenWeightsOf, gapAndBalance, holidaySet, shiftBurden } from "@/lib/core/fairness";
import { groupBy } from "@/lib/core/group-by";
import { shiftsBetween } from "@/lib/core/schedule";
import { NotFoundError } from "@/lib/errors";
import { teamsLedgerBalances } from "@/lib/swaps/ledger-balances";
import { parseInput } from "@/lib/validation";
import { loadEngineSchedules } from "./load-engine-schedule";
import { loadTeamsPageTimes } from "./page-times";
import { fairnessQuery } from "./schemas";

const DAY = 86_400_000;

/**
 * Who carried what on a team's schedules in a period: on-call hours, weighted burden (hours by
 * band in each person's zone plus pages, sleep-band pages weighing more), shifts, arduous shifts,
 * cover-ledger balance and burden normalised by the days each person was available; the team's
 * gap and balance; people more than one mean shift above the mean are flagged.
 */
export async function fairnessReport({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:read", { type: "fairness_report" });
  const q = parseInput(fairnessQuery, input);
  const [report] = await fairnessReports(ctx, { teamIds: [q.teamId], from: q.from, to: q.to });
  if (!report) throw new NotFoundError("Team");
  return report;
}
export type FairnessReportOutput = Awaited<ReturnType<typeof fairnessReport>>;

/** `fairnessReport` of each team in `teamIds` over one period, in that order (teams that don't exist are left out), read together (see `teamsFairness`). */
export async function fairnessReports(ctx: Ctx, { teamIds, from, to }: { teamIds: readonly string[]; from: Date; to: Date }) {
  await requirePermission(ctx, "schedules:read", { type: "fairness_report" });
  for (const teamId of teamIds) await requireTeamVisible(ctx, teamId);
  return teamsFairness(ctx.db, teamIds, from, to);
}

/**
 * The fairness figures of each team in `teamIds` over [from, to), in that order, without access
 * checks. The same dozen statements whatever the
 * number of teams — one per kind of row (teams, members, schedules and what the engine needs of
 * them, pages, time off, cover ledger), split by team here — instead of a dozen per team.
 */
async function teamsFairness(db: Database, teamIds: readonly string[], from: Date, to: Date) {
  if (teamIds.length === 0) return [];
  const ids = [...teamIds];
  const fromDate = from.toISOString().slice(0, 10);
  const toDate = to.toISOString().slice(0, 10);
  const [teamRows, memberRows, scheduleRows, pageTimesOf, ledgerOf] = await Promise.all([
    db.select().from(teams).where(inArray(teams.id, ids)),
    db
      .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, timeZone: users.timeZone })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(inArray(teamMembers.teamId, ids))
      .orderBy(asc(users.name), asc(users.id)),
    db.select({ id: schedules.id, teamId: schedules.teamId }).from(schedules).where(inArray(schedules.teamId, ids)),
    loadTeamsPageTimes(db, { teamIds: ids, from, to }),
    teamsLedgerBalances(db, ids),
  ]);
  const memberIds = [...new Set(memberRows.map((m) => m.id))];
  const [loaded, off] = await Promise.all([
    loadEngineSchedules(db, scheduleRows.map((s) => s.id), from, to),
    memberIds.length ? db.select().from(timeOff).where(and(inArray(timeOff.userId, memberIds), lte(timeOff.fromDate, toDate), gte(timeOff.toDate, fromDate))) : [],
  ]);
  const membersOf = groupBy(memberRows, (m) => m.teamId);
  const schedulesOf = groupBy(scheduleRows, (s) => s.teamId);
  const offOf = groupBy(off, (o) => o.userId);
  const periodDays = (to.getTime() - from.getTime()) / DAY;
  return ids.flatMap((teamId) => {
    const team = teamRows.find((t) => t.id === teamId);
    if (!team) return [];
    const weights = burdenWeightsOf(team.burdenWeights);
    const members = membersOf.get(teamId) ?? [];
    const stats = new Map(members.map((m) => [m.id, { userId: m.id, name: m.name, timeZone: m.timeZone, hours: 0, hourBurden: 0, pages: 0, sleepBandPages: 0, burden: 0, shifts: 0, arduousShifts: 0 }]));
    const pageTimes = pageTimesOf.get(teamId) ?? [];
    let shiftCount = 0;
    let shiftBurdenSum = 0;
    for (const s of schedulesOf.get(teamId) ?? []) {
      const schedule = loaded.get(s.id);
      if (!schedule) continue;
      const holidays = holidaySet(schedule.holidays);
      for (const shift of shiftsBetween(schedule.engine, from.getTime(), to.getTime())) {
        const st = shift.userId ? stats.get(shift.userId) : undefined;
        if (!st) continue;
        const b = shiftBurden(shift.start, shift.end, st.timeZone, holidays, pageTimes, weights);
        st.hours += b.hours;
        st.hourBurden += b.hourBurden;
        st.pages += b.pages;
        st.sleepBandPages += b.sleepBandPages;
        st.burden += b.total;
        st.shifts += 1;
        if (b.arduous) st.arduousShifts += 1;
        shiftCount += 1;
        shiftBurdenSum += b.total;
      }
    }
    const ledger = ledgerOf.get(teamId);
    const people = [...stats.values()].map((st) => {
      const offDays = new Set<string>();
      for (const t of offOf.get(st.userId) ?? []) {
        for (let d = new Date(`${t.fromDate}T00:00:00Z`); d.toISOString().slice(0, 10) <= t.toDate; d = new Date(d.getTime() + DAY)) {
          const iso = d.toISOString().slice(0, 10);
          if (iso >= fromDate && iso < toDate) offDays.add(iso);
        }
      }
      const availableDays = Math.max(0, Math.round(periodDays) - offDays.size);
      const normalisedBurden = availableDays > 0 ? (st.burden * periodDays) / availableDays : st.burden;
      const l = ledger?.get(st.userId);
      return { ...st, availableDays, normalisedBurden, ledgerHoursGiven: l?.coveredForOthersHours ?? 0, ledgerHoursReceived: l?.coveredByOthersHours ?? 0, ledgerBurdenOwedToThem: l?.burdenOwedToThem ?? 0 };
    });
    const meanShiftBurden = shiftCount > 0 ? shiftBurdenSum / shiftCount : 0;
    const compared = people.filter((p) => p.availableDays >= Math.min(weights.minAvailableDays, Math.round(periodDays)));
    const { gap, balance } = gapAndBalance(compared.map((p) => p.normalisedBurden), meanShiftBurden);
    const mean = compared.length ? compared.reduce((a, p) => a + p.normalisedBurden, 0) / compared.length : 0;
    return [
      {
        teamId,
        teamName: team.name,
        from: from.toISOString(),
        to: to.toISOString(),
        meanShiftBurden,
        meanNormalisedBurden: mean,
        gap,
        balance,
        people: people.map((p) => ({ ...p, aboveMeanByMoreThanAShift: meanShiftBurden > 0 && p.normalisedBurden - mean > meanShiftBurden })),
      },
    ];
  });
}
