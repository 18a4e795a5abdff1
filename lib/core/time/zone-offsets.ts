import { Temporal } from "temporal-polyfill";
import { civilFromEpochDay, epochDayFromCivil } from "./civil-date";

/**
 * UTC offsets of an IANA zone as a lookup table built from Temporal's transition data, a
 * calendar year at a time as needed. Converting through Temporal.ZonedDateTime costs ~10 µs a
 * call with the polyfill; the schedule engine and the fairness model convert hundreds of
 * thousands of instants, so they read offsets here instead (checked against Temporal in tests).
 */

/** Milliseconds since 1970-01-01T00:00Z (UTC). The instant type of `lib/core`. */
export type EpochMs = number;

const DAY = 86_400_000;
// A zone changes its rules at most a few times a year; far more means something is wrong.
const MAX_TRANSITIONS_PER_YEAR = 64;

interface YearOffsets {
  /** Segment i is [starts[i], starts[i + 1]) (the last one ends when the next year starts) with offsets[i]; starts[0] is the year's start. */
  starts: EpochMs[];
  offsets: number[];
  end: EpochMs;
}

function yearStart(year: number): EpochMs {
  return epochDayFromCivil(year, 1, 1) * DAY;
}

export class ZoneOffsetTable {
  // Built a calendar year at a time, only for the years asked about (a report of the year 2999 is
  // one more year, not a thousand); year starts are segment starts too (cheaper than merging, same answers).
  private readonly years = new Map<number, YearOffsets>();
  // The segment of the previous lookup: lookups come in runs of nearby instants.
  private hitStart = 0;
  private hitEnd = 0;
  private hitOffset = 0;

  constructor(readonly timeZone: string) {}

  offsetAt(at: EpochMs): number {
    if (at >= this.hitStart && at < this.hitEnd) return this.hitOffset;
    const { starts, offsets, end } = this.yearOffsets(civilFromEpochDay(Math.floor(at / DAY)).year);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    this.hitStart = starts[lo]!;
    this.hitEnd = lo + 1 < starts.length ? starts[lo + 1]! : end;
    this.hitOffset = offsets[lo]!;
    return this.hitOffset;
  }

  /** The end of the constant-offset stretch containing `at` (a transition, or a year boundary). */
  offsetSegmentEnd(at: EpochMs): EpochMs {
    this.offsetAt(at);
    return this.hitEnd;
  }

  /** The start of the constant-offset stretch containing `at` (a transition, or a year boundary). */
  offsetSegmentStart(at: EpochMs): EpochMs {
    this.offsetAt(at);
    return this.hitStart;
  }

  /**
   * The instant a wall time shows when that instant lies at least a day inside a stretch of
   * constant offset (so no gap or overlap can affect it); NaN otherwise. Wall ms = epoch ms of
   * the local date-time read as UTC.
   */
  unambiguousInstantOfWall(wallMs: number): EpochMs {
    let offset = this.offsetAt(wallMs);
    let candidate = wallMs - offset;
    if (this.offsetAt(candidate) !== offset) {
      offset = this.hitOffset;
      candidate = wallMs - offset;
      if (this.offsetAt(candidate) !== offset) return Number.NaN;
    }
    return candidate - this.hitStart >= DAY && this.hitEnd - candidate >= DAY ? candidate : Number.NaN;
  }

  /** The first transition strictly after `at` and at most `withinMs` later, or null. */
  nextTransitionAfter(at: EpochMs, withinMs: number): EpochMs | null {
    const limit = at + withinMs;
    let offset = this.offsetAt(at);
    // Walk the segments from the one holding `at`; a year boundary with no change of offset is not a transition.
    for (let t = this.offsetSegmentEnd(at); t <= limit; t = this.offsetSegmentEnd(t)) {
      const next = this.offsetAt(t);
      if (next !== offset) return t;
      offset = next;
    }
    return null;
  }

  private yearOffsets(year: number): YearOffsets {
    const cached = this.years.get(year);
    if (cached) return cached;
    const start = yearStart(year);
    const end = yearStart(year + 1);
    let zdt = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(this.timeZone);
    const entry: YearOffsets = { starts: [start], offsets: [zdt.offsetNanoseconds / 1e6], end };
    for (let i = 0; i < MAX_TRANSITIONS_PER_YEAR; i++) {
      const next = zdt.getTimeZoneTransition("next");
      if (!next || next.epochMilliseconds >= end) break;
      entry.starts.push(next.epochMilliseconds);
      entry.offsets.push(next.offsetNanoseconds / 1e6);
      zdt = next;
    }
    this.years.set(year, entry);
    return entry;
  }
}

const tables = new Map<string, ZoneOffsetTable>();

/** The offset table of a zone, for hot loops that look up many instants in one zone. */
export function zoneOffsetTable(timeZone: string): ZoneOffsetTable {
  let table = tables.get(timeZone);
  if (!table) {
    // Validates the zone name (throws RangeError for an unknown zone) before caching it.
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    table = new ZoneOffsetTable(timeZone);
    tables.set(timeZone, table);
  }
  return table;
}

/** The zone's UTC offset in milliseconds at an instant (local wall time = at + offset). */
export function zoneOffsetAt(timeZone: string, at: EpochMs): number {
  return zoneOffsetTable(timeZone).offsetAt(at);
}

/** The zone's next offset change strictly after `at` within `withinMs` (default 400 days), or null. */
export function nextZoneTransitionAfter(timeZone: string, at: EpochMs, withinMs: number = 400 * DAY): EpochMs | null {
  return zoneOffsetTable(timeZone).nextTransitionAfter(at, withinMs);
}
