import { asc } from "drizzle-orm";
import { schedules, teams } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { burdenWeightsOf, holidaySet, restEndAfter, shiftBurden } from "@/lib/core/fairness";
import { shiftsBetween } from "@/lib/core/schedule";
import { loadEngineSchedule } from "./load-engine-schedule";
import { loadPageTimes } from "./page-times";

const DAY = 86_400_000;
/** Shifts up to this long (four weeks and a bit) are read whole. */
const SHIFT_LOOKBACK_DAYS = 31;

export type CoverSuggestion = {
  scheduleId: string;
  scheduleName: string;
  userId: string;
  userName: string;
  arduousEndedAt: string;
  sleepBandPages: number;
  /** Their shifts starting before the rest ends: ask a colleague to cover these. */
  shifts: { start: string; end: string; layerId: string | null; shiftIndex: number | null }[];
};

/**
 * After an arduous shift (3+ pages in the person's sleep band), the person is owed 7 days of
 * rest: their shifts starting in that window are suggested for cover. The schedule's team's
 * burden weights say what "arduous" and "rest" are.
 */
export async function arduousCoverSuggestions(ctx: Ctx, opts: { scheduleId?: string } = {}): Promise<CoverSuggestion[]> {
  await requirePermission(ctx, "schedules:read");
  const rows = await ctx.db.select({ id: schedules.id, teamId: schedules.teamId }).from(schedules).orderBy(asc(schedules.name));
  const weightsOf = new Map((await ctx.db.select({ id: teams.id, weights: teams.burdenWeights }).from(teams)).map((t) => [t.id, burdenWeightsOf(t.weights)]));
  const out: CoverSuggestion[] = [];
  const now = ctx.now.getTime();
  for (const row of rows.filter((r) => !opts.scheduleId || r.id === opts.scheduleId)) {
    const weights = weightsOf.get(row.teamId ?? "") ?? burdenWeightsOf(null);
    const restDays = weights.restDaysAfterArduous;
    // Back far enough to see the whole of a long shift that ended within the rest, with its pages.
    const from = new Date(now - (restDays + SHIFT_LOOKBACK_DAYS) * DAY);
    const to = new Date(now + (restDays + 1) * DAY);
    const loaded = await loadEngineSchedule(ctx.db, row.id, from, to);
    const pages = row.teamId ? await loadPageTimes(ctx.db, { teamId: row.teamId, from, to: ctx.now }) : [];
    if (pages.length === 0) continue;
    const holidays = holidaySet(loaded.holidays);
    const shifts = shiftsBetween(loaded.engine, from.getTime(), to.getTime());
    for (const s of shifts) {
      if (!s.userId || s.end > now || s.end < now - restDays * DAY) continue;
      const zone = loaded.people.get(s.userId)?.timeZone ?? loaded.row.timeZone;
      const b = shiftBurden(s.start, s.end, zone, holidays, pages, weights);
      if (!b.arduous) continue;
      const restEnd = restEndAfter(s.end, loaded.row.timeZone, weights);
      const upcoming = shifts.filter((u) => u.userId === s.userId && u.start >= now && u.start < restEnd);
      if (upcoming.length === 0) continue;
      out.push({
        scheduleId: row.id,
        scheduleName: loaded.row.name,
        userId: s.userId,
        userName: loaded.people.get(s.userId)?.name ?? "Unknown",
        arduousEndedAt: new Date(s.end).toISOString(),
        sleepBandPages: b.sleepBandPages,
        shifts: upcoming.map((u) => ({ start: new Date(u.start).toISOString(), end: new Date(u.end).toISOString(), layerId: u.layerId, shiftIndex: null })),
      });
    }
  }
  return out;
}
