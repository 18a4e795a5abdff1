import { epochDayOfIsoDate, weekdayOfEpochDay, type IsoDate } from "../time/civil-date";
import { minuteOfDayOfLocalTime, type LocalTime } from "../time/local-time";
import { zoneOffsetTable, type EpochMs } from "../time/zone-offsets";

/**
 * The burden model of `shared/scenarios/README.md`: how heavy an on-call interval is for one
 * person, in their own local time. Weights are configurable per team; the defaults are the
 * README's.
 */
export interface BurdenWeights {
  /** Per on-call hour on a holiday (the member's local date is a holiday). */
  holidayHour: number;
  /** Per on-call hour on Saturday or Sunday. */
  weekendHour: number;
  /** Per on-call hour on a weekday inside `weekdayDayBand`. */
  weekdayDayHour: number;
  /** Per on-call hour on a weekday outside it. */
  weekdayOtherHour: number;
  weekdayDayBand: { start: LocalTime; end: LocalTime };
  /** Per page landing outside the sleep band. */
  awakePage: number;
  /** Per page landing in the sleep band. */
  sleepPage: number;
  /** Member-local; crosses midnight when end ≤ start. */
  sleepBand: { start: LocalTime; end: LocalTime };
  /** A shift with at least this many sleep-band pages is arduous. */
  arduousSleepPages: number;
  /** Days of rest after an arduous shift ends. */
  restDaysAfterArduous: number;
  /** Members with fewer available days in the horizon are left out of the comparison. */
  minAvailableDays: number;
}

export const DEFAULT_BURDEN_WEIGHTS: Readonly<BurdenWeights> = Object.freeze({
  holidayHour: 3,
  weekendHour: 2,
  weekdayDayHour: 1,
  weekdayOtherHour: 1.5,
  weekdayDayBand: { start: "08:00", end: "18:00" },
  awakePage: 1,
  sleepPage: 3,
  sleepBand: { start: "22:00", end: "08:00" },
  arduousSleepPages: 3,
  restDaysAfterArduous: 7,
  minAvailableDays: 28,
});

/** A team's stored weights (any subset of the numeric ones, or none) over the defaults. */
export function burdenWeightsOf(stored: Readonly<Partial<Record<keyof BurdenWeights, unknown>>> | null | undefined): BurdenWeights {
  return { ...DEFAULT_BURDEN_WEIGHTS, ...(stored ?? {}) } as BurdenWeights;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Holidays as local epoch days, for matching against a member's local date. */
export type HolidaySet = ReadonlySet<number>;

export function holidaySet(holidays: readonly IsoDate[]): HolidaySet {
  return new Set(holidays.map(epochDayOfIsoDate));
}

interface Bands {
  dayStartMs: number;
  dayEndMs: number;
  sleepStartMinute: number;
  sleepEndMinute: number;
}

// Weights are immutable values: parse their bands once (these run per page and per step).
const parsedBands = new WeakMap<BurdenWeights, Bands>();

function bandsOf(weights: BurdenWeights): Bands {
  let bands = parsedBands.get(weights);
  if (!bands) {
    bands = {
      dayStartMs: minuteOfDayOfLocalTime(weights.weekdayDayBand.start) * MINUTE_MS,
      dayEndMs: minuteOfDayOfLocalTime(weights.weekdayDayBand.end) * MINUTE_MS,
      sleepStartMinute: minuteOfDayOfLocalTime(weights.sleepBand.start),
      sleepEndMinute: minuteOfDayOfLocalTime(weights.sleepBand.end),
    };
    parsedBands.set(weights, bands);
  }
  return bands;
}

function inBand(minuteOfDay: number, startMinute: number, endMinute: number): boolean {
  return startMinute <= endMinute ? minuteOfDay >= startMinute && minuteOfDay < endMinute : minuteOfDay >= startMinute || minuteOfDay < endMinute;
}

/**
 * Weighted on-call hours of [start, end) for a member in `timeZone`: each elapsed hour (pro rata)
 * weighs by the member's local date and time, so a 25-hour fall-back Sunday weighs 25 × 2.
 */
export function hourBurden(start: EpochMs, end: EpochMs, timeZone: string, holidays: HolidaySet, weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS): number {
  const table = zoneOffsetTable(timeZone);
  const { dayStartMs: dayStart, dayEndMs: dayEnd } = bandsOf(weights);
  let total = 0;
  let at = start;
  // Each step ends at a band edge, a midnight or an offset change: a few per day.
  const cap = 8 * Math.ceil((end - start) / DAY_MS) + 16;
  for (let i = 0; at < end; i++) {
    if (i > cap) throw new Error("hourBurden: no progress");
    const offset = table.offsetAt(at);
    const offsetEnd = table.offsetSegmentEnd(at);
    const wall = at + offset;
    const day = Math.floor(wall / DAY_MS);
    const msOfDay = wall - day * DAY_MS;
    const weekday = weekdayOfEpochDay(day);
    let weight: number;
    let bandEnd: number; // ms of day where this weight stops applying
    if (holidays.has(day)) {
      weight = weights.holidayHour;
      bandEnd = DAY_MS;
    } else if (weekday >= 6) {
      weight = weights.weekendHour;
      bandEnd = DAY_MS;
    } else if (msOfDay < dayStart) {
      weight = weights.weekdayOtherHour;
      bandEnd = dayStart;
    } else if (msOfDay < dayEnd) {
      weight = weights.weekdayDayHour;
      bandEnd = dayEnd;
    } else {
      weight = weights.weekdayOtherHour;
      bandEnd = DAY_MS;
    }
    const next = Math.min(end, at + (bandEnd - msOfDay), offsetEnd);
    total += (weight * (next - at)) / HOUR_MS;
    at = next;
  }
  return total;
}

/** True if a page at `at` lands in the member's sleep band. */
export function isSleepBandPage(at: EpochMs, timeZone: string, weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS): boolean {
  const wall = at + zoneOffsetTable(timeZone).offsetAt(at);
  const minuteOfDay = Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / MINUTE_MS);
  const { sleepStartMinute, sleepEndMinute } = bandsOf(weights);
  return inBand(minuteOfDay, sleepStartMinute, sleepEndMinute);
}

/**
 * The weight band an instant falls in for a member, the one `hourBurden` uses: a holiday, a
 * weekend day, or a weekday inside or outside `weekdayDayBand` (member-local).
 */
export type HourBand = "holiday" | "weekend" | "weekday_day" | "weekday_other";
export function hourBandAt(at: EpochMs, timeZone: string, holidays: HolidaySet, weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS): HourBand {
  const wall = at + zoneOffsetTable(timeZone).offsetAt(at);
  const day = Math.floor(wall / DAY_MS);
  const msOfDay = wall - day * DAY_MS;
  if (holidays.has(day)) return "holiday";
  if (weekdayOfEpochDay(day) >= 6) return "weekend";
  const { dayStartMs, dayEndMs } = bandsOf(weights);
  return msOfDay >= dayStartMs && msOfDay < dayEndMs ? "weekday_day" : "weekday_other";
}

export function pageBurden(at: EpochMs, timeZone: string, weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS): number {
  return isSleepBandPage(at, timeZone, weights) ? weights.sleepPage : weights.awakePage;
}

export interface ShiftBurden {
  hours: number;
  hourBurden: number;
  pages: number;
  sleepBandPages: number;
  pageBurden: number;
  total: number;
  arduous: boolean;
}

/**
 * The burden of one shift [start, end) for a member: weighted hours plus the pages landing in
 * it (`pageTimes` sorted ascending; only those inside the shift count).
 */
export function shiftBurden(
  start: EpochMs,
  end: EpochMs,
  timeZone: string,
  holidays: HolidaySet,
  pageTimes: readonly EpochMs[],
  weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS,
): ShiftBurden {
  const hours = hourBurden(start, end, timeZone, holidays, weights);
  let pages = 0;
  let sleepBandPages = 0;
  for (let i = firstIndexAtOrAfter(pageTimes, start); i < pageTimes.length && pageTimes[i]! < end; i++) {
    pages++;
    if (isSleepBandPage(pageTimes[i]!, timeZone, weights)) sleepBandPages++;
  }
  const pageTotal = sleepBandPages * weights.sleepPage + (pages - sleepBandPages) * weights.awakePage;
  return {
    hours: (end - start) / HOUR_MS,
    hourBurden: hours,
    pages,
    sleepBandPages,
    pageBurden: pageTotal,
    total: hours + pageTotal,
    arduous: sleepBandPages >= weights.arduousSleepPages,
  };
}

/** Binary search: the index of the first value ≥ `at` in an ascending array. */
export function firstIndexAtOrAfter(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
