import { Temporal } from "temporal-polyfill";
import { civilFromEpochDay, epochDayFromCivil } from "./civil-date";
import { DAY_MS } from "./local-time";

/**
 * UTC offsets of an IANA zone as a lookup table built from Temporal's transition data, one
 * calendar year at a time. Converting through Temporal.ZonedDateTime costs ~10 µs a call with
 * the polyfill; the schedule engine and the fairness model convert hundreds of thousands of
 * instants, so they read offsets here instead (the table is checked against Temporal in tests).
 */

/** Milliseconds since 1970-01-01T00:00Z (UTC). The instant type of `lib/core`. */
export type EpochMs = number;

interface YearOffsets {
  /** Offset in force at the start of the year. */
  initialOffsetMs: number;
  /** Transition instants within the year, ascending, and the offset from each one on. */
  transitions: EpochMs[];
  offsetsAfter: number[];
}

// A zone changes its rules at most a few times a year; far more means something is wrong.
const MAX_TRANSITIONS_PER_YEAR = 64;

class ZoneOffsetTable {
  private readonly years = new Map<number, YearOffsets>();

  constructor(readonly timeZone: string) {}

  offsetAt(at: EpochMs): number {
    const year = this.yearOffsets(civilFromEpochDay(Math.floor(at / DAY_MS)).year);
    let offset = year.initialOffsetMs;
    for (let i = 0; i < year.transitions.length && year.transitions[i]! <= at; i++) offset = year.offsetsAfter[i]!;
    return offset;
  }

  /** The first transition strictly after `at`, looking at most `withinMs` ahead. */
  nextTransitionAfter(at: EpochMs, withinMs: number): EpochMs | null {
    let yearNumber = civilFromEpochDay(Math.floor(at / DAY_MS)).year;
    const limit = at + withinMs;
    for (let guard = 0; guard < 1000; guard++, yearNumber++) {
      const yearStart = epochDayFromCivil(yearNumber, 1, 1) * DAY_MS;
      if (yearStart > limit) return null;
      const found = this.yearOffsets(yearNumber).transitions.find((t) => t > at);
      if (found !== undefined) return found <= limit ? found : null;
    }
    return null;
  }

  private yearOffsets(year: number): YearOffsets {
    const cached = this.years.get(year);
    if (cached) return cached;
    const start = epochDayFromCivil(year, 1, 1) * DAY_MS;
    const end = epochDayFromCivil(year + 1, 1, 1) * DAY_MS;
    let zdt = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(this.timeZone);
    const entry: YearOffsets = { initialOffsetMs: zdt.offsetNanoseconds / 1e6, transitions: [], offsetsAfter: [] };
    for (let i = 0; i < MAX_TRANSITIONS_PER_YEAR; i++) {
      const next = zdt.getTimeZoneTransition("next");
      if (!next || next.epochMilliseconds >= end) break;
      entry.transitions.push(next.epochMilliseconds);
      entry.offsetsAfter.push(next.offsetNanoseconds / 1e6);
      zdt = next;
    }
    this.years.set(year, entry);
    return entry;
  }
}

const tables = new Map<string, ZoneOffsetTable>();

function tableFor(timeZone: string): ZoneOffsetTable {
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
  return tableFor(timeZone).offsetAt(at);
}

/** The zone's next offset change strictly after `at` within `withinMs`, or null. */
export function nextZoneTransitionAfter(timeZone: string, at: EpochMs, withinMs: number = 400 * DAY_MS): EpochMs | null {
  return tableFor(timeZone).nextTransitionAfter(at, withinMs);
}
