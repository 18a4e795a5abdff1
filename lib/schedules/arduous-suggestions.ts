import { asc } from "drizzle-orm";
import { schedules, teams } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { burdenWeightsOf, heldShiftBurdens, holidaySet } from "@/lib/core/fairness";
import { shiftsBetween } from "@/lib/core/schedule";
import { loadEngineSchedules, personZone } from "./load-engine-schedule";
import { loadTeamsPageTimes } from "./page-times";

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
 * burden weights say what "arduous" and "rest" are. Every schedule and its team's pages are read
 * in one batch (the dashboard asks on every visit).
 */
export async function arduousCoverSuggestions(ctx: Ctx, opts: { scheduleId?: string } = {}): Promise<CoverSuggestion[]> {
  await requirePermission(ctx, "schedules:read");
  const rows = await ctx.db.select({ id: schedules.id, teamId: schedules.teamId }).from(schedules).orderBy(asc(schedules.name));
  const weightsOf = new Map((await ctx.db.select({ id: teams.id, weights: teams.burdenWeights }).from(teams)).map((t) => [t.id, burdenWeightsOf(t.weights)]));
  const selected = rows.filter((r) => !opts.scheduleId || r.id === opts.scheduleId);
  const weightsOfRow = (row: (typeof rows)[number]) => weightsOf.get(row.teamId ?? "") ?? burdenWeightsOf(null);
  const now = ctx.now.getTime();
  // Back far enough to see the whole of a long shift that ended within the longest rest, with its pages.
  const longestRest = Math.max(0, ...selected.map((r) => weightsOfRow(r).restDaysAfterArduous));
  const from = new Date(now - (longestRest + SHIFT_LOOKBACK_DAYS) * DAY);
  const to = new Date(now + (longestRest + 1) * DAY);
  const teamIds = [...new Set(selected.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  const [loadedOf, pagesOf] = await Promise.all([loadEngineSchedules(ctx.db, selected.map((r) => r.id), from, to), loadTeamsPageTimes(ctx.db, { teamIds, from, to: ctx.now })]);
  const out: CoverSuggestion[] = [];
  for (const row of selected) {
    const loaded = loadedOf.get(row.id);
    const pages = pagesOf.get(row.teamId ?? "") ?? [];
    if (!loaded || pages.length === 0) continue;
    const weights = weightsOfRow(row);
    const restDays = weights.restDaysAfterArduous;
    const holidays = holidaySet(loaded.holidays);
    const shifts = shiftsBetween(loaded.engine, from.getTime(), to.getTime());
    const ended = shifts.filter((s) => s.end <= now && s.end >= now - restDays * DAY);
    for (const { shift: s, burden: b, restEnd } of heldShiftBurdens(ended, { zoneOf: personZone(loaded), scheduleZone: loaded.row.timeZone, holidays, pageTimes: pages, weights })) {
      if (restEnd === null) continue;
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
