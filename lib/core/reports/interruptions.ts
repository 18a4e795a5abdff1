import { DEFAULT_BURDEN_WEIGHTS, hourBandAt, isSleepBandPage, type BurdenWeights, type HolidaySet } from "../fairness/burden";
import type { EpochMs } from "../time/zone-offsets";
import { INTERRUPTION_BANDS, type InterruptionBand } from "./types";

/** Notifications closer than this to the previous one in the same interruption join it. */
export const INTERRUPTION_MERGE_MS = 60_000;

export type Interruption = { start: EpochMs; end: EpochMs; notifications: number };

/**
 * Merges notification instants into interruptions by the chain rule: a notification at most 60 s
 * after the previous notification of the current interruption joins it, so pages 0 s, 50 s and
 * 100 s apart are one interruption (each within 60 s of the one before), though the first and
 * last are 100 s apart. Input in any order; output ascending.
 */
export function mergeInterruptions(instants: readonly EpochMs[], gapMs: number = INTERRUPTION_MERGE_MS): Interruption[] {
  const sorted = [...instants].sort((a, b) => a - b);
  const out: Interruption[] = [];
  for (const at of sorted) {
    const last = out[out.length - 1];
    if (last && at - last.end <= gapMs) {
      last.end = at;
      last.notifications += 1;
    } else out.push({ start: at, end: at, notifications: 1 });
  }
  return out;
}

/**
 * The band an interruption starting at `at` falls in, in the person's own zone, by the burden
 * model's bands (lib/core/fairness/burden.ts): sleep is its sleep band (22:00–08:00 by default),
 * business its weekday day band (Mon–Fri 08:00–18:00 by default, not on a holiday), off-hours the rest.
 */
export function interruptionBand(at: EpochMs, timeZone: string, holidays: HolidaySet = new Set(), weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS): InterruptionBand {
  if (isSleepBandPage(at, timeZone, weights)) return "sleep";
  return hourBandAt(at, timeZone, holidays, weights) === "weekday_day" ? "business" : "off_hours";
}

/** Interruptions of one person's notification instants, counted per band and in total. */
export function countInterruptions(instants: readonly EpochMs[], timeZone: string, holidays?: HolidaySet, weights?: BurdenWeights): Record<InterruptionBand, number> & { total: number } {
  const counts = { ...(Object.fromEntries(INTERRUPTION_BANDS.map((b) => [b, 0])) as Record<InterruptionBand, number>), total: 0 };
  for (const i of mergeInterruptions(instants)) {
    counts[interruptionBand(i.start, timeZone, holidays, weights)] += 1;
    counts.total += 1;
  }
  return counts;
}
