import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { schedules, teamMembers, teams, timeOff, users } from "@/db/schema";
import { requirePermission, requireTeamVisible } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { DEFAULT_BURDEN_WEIGHTS, gapAndBalance, holidaySet, shiftBurden, type BurdenWeights } from "@/lib/core/fairness";
import { shiftsBetween } from "@/lib/core/schedule";
import { NotFoundError } from "@/lib/errors";
import { ledgerBalances } from "@/lib/swaps/ledger-balances";
import { parseInput } from "@/lib/validation";
import { loadEngineSchedule } from "./load-engine-schedule";
import { loadPageTimes } from "./page-times";
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
  await requireTeamVisible(ctx, q.teamId);
  const [team] = await ctx.db.select().from(teams).where(eq(teams.id, q.teamId));
  if (!team) throw new NotFoundError("Team");
  const weights: BurdenWeights = { ...DEFAULT_BURDEN_WEIGHTS, ...(team.burdenWeights ?? {}) } as BurdenWeights;
  const memberRows = await ctx.db
    .select({ id: users.id, name: users.name, timeZone: users.timeZone })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, q.teamId))
    .orderBy(asc(users.name));
  const stats = new Map(memberRows.map((m) => [m.id, { userId: m.id, name: m.name, timeZone: m.timeZone, hours: 0, hourBurden: 0, pages: 0, sleepBandPages: 0, burden: 0, shifts: 0, arduousShifts: 0 }]));
  const scheduleRows = await ctx.db.select({ id: schedules.id }).from(schedules).where(eq(schedules.teamId, q.teamId));
  let shiftCount = 0;
  let shiftBurdenSum = 0;
  for (const s of scheduleRows) {
    const loaded = await loadEngineSchedule(ctx.db, s.id, q.from, q.to);
    const holidays = holidaySet(loaded.holidays);
    const pageTimes = await loadPageTimes(ctx.db, { teamId: q.teamId, from: q.from, to: q.to });
    for (const shift of shiftsBetween(loaded.engine, q.from.getTime(), q.to.getTime())) {
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
  const periodDays = (q.to.getTime() - q.from.getTime()) / DAY;
  const fromDate = q.from.toISOString().slice(0, 10);
  const toDate = q.to.toISOString().slice(0, 10);
  const off = memberRows.length
    ? await ctx.db
        .select()
        .from(timeOff)
        .where(and(inArray(timeOff.userId, memberRows.map((m) => m.id)), lte(timeOff.fromDate, toDate), gte(timeOff.toDate, fromDate)))
    : [];
  const ledger = await ledgerBalances(ctx.db, q.teamId);
  const people = [...stats.values()].map((st) => {
    const offDays = new Set<string>();
    for (const t of off.filter((o) => o.userId === st.userId)) {
      for (let d = new Date(`${t.fromDate}T00:00:00Z`); d.toISOString().slice(0, 10) <= t.toDate; d = new Date(d.getTime() + DAY)) {
        const iso = d.toISOString().slice(0, 10);
        if (iso >= fromDate && iso < toDate) offDays.add(iso);
      }
    }
    const availableDays = Math.max(0, Math.round(periodDays) - offDays.size);
    const normalisedBurden = availableDays > 0 ? (st.burden * periodDays) / availableDays : st.burden;
    const l = ledger.get(st.userId);
    return { ...st, availableDays, normalisedBurden, ledgerHoursGiven: l?.coveredForOthersHours ?? 0, ledgerHoursReceived: l?.coveredByOthersHours ?? 0, ledgerBurdenOwedToThem: l?.burdenOwedToThem ?? 0 };
  });
  const meanShiftBurden = shiftCount > 0 ? shiftBurdenSum / shiftCount : 0;
  const compared = people.filter((p) => p.availableDays >= Math.min(weights.minAvailableDays, Math.round(periodDays)));
  const { gap, balance } = gapAndBalance(compared.map((p) => p.normalisedBurden), meanShiftBurden);
  const mean = compared.length ? compared.reduce((a, p) => a + p.normalisedBurden, 0) / compared.length : 0;
  return {
    teamId: q.teamId,
    teamName: team.name,
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    meanShiftBurden,
    meanNormalisedBurden: mean,
    gap,
    balance,
    people: people.map((p) => ({ ...p, aboveMeanByMoreThanAShift: meanShiftBurden > 0 && p.normalisedBurden - mean > meanShiftBurden })),
  };
}
export type FairnessReportOutput = Awaited<ReturnType<typeof fairnessReport>>;
