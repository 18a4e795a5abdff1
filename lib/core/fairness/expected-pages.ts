import { weekdayOfEpochDay } from "../time/civil-date";
import { zoneOffsetTable, type EpochMs } from "../time/zone-offsets";
import { DEFAULT_BURDEN_WEIGHTS, isSleepBandPage, type BurdenWeights, type HolidaySet } from "./burden";

/**
 * Expected page burden from page history. Pages are not known in advance, but their rhythm is:
 * the rate is estimated per hour of the day on working days and on weekends/holidays (48
 * buckets, in the schedule's zone), shrunk towards the overall rate where a bucket has seen
 * little, and turned into burden with each member's own sleep band.
 */

export const PAGE_RATE_BUCKETS = 48;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Resolution of the exposure and burden sums. */
export const PAGE_STEP_MS = 15 * 60_000;

/** The rate bucket of an instant: local hour, +24 on weekends and holidays (schedule's zone). */
export function pageRateBucket(at: EpochMs, timeZone: string, holidays: HolidaySet): number {
  const wall = at + zoneOffsetTable(timeZone).offsetAt(at);
  const day = Math.floor(wall / DAY_MS);
  const hour = Math.floor((wall - day * DAY_MS) / HOUR_MS);
  const restDay = holidays.has(day) || weekdayOfEpochDay(day) >= 6;
  return (restDay ? 24 : 0) + hour;
}

/** An interval cut into 15-minute steps: each step's rate bucket and, per member zone, its burden per page. */
export interface PageExposure {
  start: EpochMs;
  buckets: Uint8Array;
  /** Per zone (index as given): page weight × step length in hours, per step… */
  weightHoursByZone: Float64Array[];
  /** …and summed per bucket, for the whole interval. */
  bucketTotalsByZone: Float64Array[];
}

export function pageExposure(
  start: EpochMs,
  end: EpochMs,
  timeZone: string,
  memberZones: readonly string[],
  holidays: HolidaySet,
  weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS,
): PageExposure {
  const steps = Math.max(0, Math.ceil((end - start) / PAGE_STEP_MS));
  const buckets = new Uint8Array(steps);
  const weightHoursByZone = memberZones.map(() => new Float64Array(steps));
  for (let i = 0; i < steps; i++) {
    const at = start + i * PAGE_STEP_MS;
    const hours = (Math.min(PAGE_STEP_MS, end - at)) / HOUR_MS;
    buckets[i] = pageRateBucket(at, timeZone, holidays);
    memberZones.forEach((zone, z) => {
      weightHoursByZone[z]![i] = hours * (isSleepBandPage(at, zone, weights) ? weights.sleepPage : weights.awakePage);
    });
  }
  const bucketTotalsByZone = weightHoursByZone.map((perStep) => {
    const totals = new Float64Array(PAGE_RATE_BUCKETS);
    for (let i = 0; i < steps; i++) totals[buckets[i]!]! += perStep[i]!;
    return totals;
  });
  return { start, buckets, weightHoursByZone, bucketTotalsByZone };
}

/**
 * Pages per hour in each bucket, from the pages seen in [observedFrom, observedTo).
 * `timeline` holds the buckets of 15-minute steps from `observedFrom`.
 */
export function estimatePageRates(
  pageTimes: readonly EpochMs[],
  observedFrom: EpochMs,
  observedTo: EpochMs,
  timeline: Uint8Array,
  timeZone: string,
  holidays: HolidaySet,
  priorHours: number,
): Float64Array {
  const exposure = new Float64Array(PAGE_RATE_BUCKETS);
  const counts = new Float64Array(PAGE_RATE_BUCKETS);
  const steps = Math.min(timeline.length, Math.max(0, Math.floor((observedTo - observedFrom) / PAGE_STEP_MS)));
  for (let i = 0; i < steps; i++) exposure[timeline[i]!]! += PAGE_STEP_MS / HOUR_MS;
  let total = 0;
  for (const at of pageTimes) {
    if (at < observedFrom || at >= observedFrom + steps * PAGE_STEP_MS) continue;
    counts[pageRateBucket(at, timeZone, holidays)]! += 1;
    total++;
  }
  const observedHours = (steps * PAGE_STEP_MS) / HOUR_MS;
  const overall = observedHours > 0 ? total / observedHours : 0;
  const rates = new Float64Array(PAGE_RATE_BUCKETS);
  for (let b = 0; b < PAGE_RATE_BUCKETS; b++) rates[b] = (counts[b]! + priorHours * overall) / (exposure[b]! + priorHours);
  return rates;
}

/** Expected page burden of the steps of `exposure` from `from` on, for member zone `zone`. */
export function expectedPageBurden(exposure: PageExposure, zone: number, rates: Float64Array, from: EpochMs = exposure.start): number {
  if (from <= exposure.start) {
    const totals = exposure.bucketTotalsByZone[zone]!;
    let sum = 0;
    for (let b = 0; b < PAGE_RATE_BUCKETS; b++) sum += rates[b]! * totals[b]!;
    return sum;
  }
  const weightsOfZone = exposure.weightHoursByZone[zone]!;
  let total = 0;
  for (let i = Math.max(0, Math.ceil((from - exposure.start) / PAGE_STEP_MS)); i < exposure.buckets.length; i++) {
    total += rates[exposure.buckets[i]!]! * weightsOfZone[i]!;
  }
  return total;
}
