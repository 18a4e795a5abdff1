import { Temporal } from "temporal-polyfill";
import { epochDayOfIsoDate, isIsoDate, isoDateOfEpochDay, weekdayOfEpochDay, type IsoDate, type IsoWeekday } from "./civil-date";
import { isLocalTime, minuteOfDayOfLocalTime, type LocalTime } from "./local-time";
import { zoneOffsetTable, type EpochMs } from "./zone-offsets";

// Local copies: these run in the engine's innermost loops.
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Local wall time ↔ instants in an IANA zone.
 *
 * The rule for local times that do not map to exactly one instant (DESIGN.md "Instants"):
 * - a local time inside a spring-forward gap happens at the first instant after the gap,
 *   i.e. the instant the gap ends: 02:30 on 2026-03-08 in America/New_York → 03:00 EDT
 *   (07:00Z). This is NOT Temporal's `disambiguation: "later"`, which gives 03:30 EDT.
 * - an ambiguous local time (fall back) happens at its first occurrence (Temporal "earlier"):
 *   01:30 on 2026-11-01 in America/New_York → 01:30 EDT (05:30Z).
 *
 * "Wall ms" below is a local date-time written as milliseconds since 1970-01-01T00:00 of the
 * local calendar (epochDay × 86 400 000 + time of day), i.e. the instant it would be in UTC.
 */

export interface LocalDateTime {
  /** Wall ms (see above). */
  wallMs: number;
  /** Local date as days since 1970-01-01. */
  epochDay: number;
  date: IsoDate;
  weekday: IsoWeekday;
  /** Milliseconds since local midnight (0 ≤ msOfDay < 86 400 000). */
  msOfDay: number;
}

/** The wall ms an instant shows in a zone. */
export function wallMsAt(at: EpochMs, timeZone: string): number {
  return at + zoneOffsetTable(timeZone).offsetAt(at);
}

export function localDateTimeAt(at: EpochMs, timeZone: string): LocalDateTime {
  const wallMs = wallMsAt(at, timeZone);
  const epochDay = Math.floor(wallMs / DAY_MS);
  return { wallMs, epochDay, date: isoDateOfEpochDay(epochDay), weekday: weekdayOfEpochDay(epochDay), msOfDay: wallMs - epochDay * DAY_MS };
}

export function localDateAt(at: EpochMs, timeZone: string): IsoDate {
  return isoDateOfEpochDay(Math.floor(wallMsAt(at, timeZone) / DAY_MS));
}

export function weekdayAt(at: EpochMs, timeZone: string): IsoWeekday {
  return weekdayOfEpochDay(Math.floor(wallMsAt(at, timeZone) / DAY_MS));
}

/** The instant a local wall time happens at, by the gap/ambiguity rule above. */
export function instantOfWallMs(wallMs: number, timeZone: string): EpochMs {
  const table = zoneOffsetTable(timeZone);
  const unambiguous = table.unambiguousInstantOfWall(wallMs);
  if (!Number.isNaN(unambiguous)) return unambiguous;
  // Offsets a day either side bracket any single transition affecting this wall time.
  const offsetBefore = table.offsetAt(wallMs - DAY_MS);
  const offsetAfter = table.offsetAt(wallMs + DAY_MS);
  const viaBefore = wallMs - offsetBefore;
  const beforeHolds = table.offsetAt(viaBefore) === offsetBefore;
  if (offsetBefore === offsetAfter) {
    // Otherwise two transitions within two days (historic rule changes): ask Temporal directly.
    return beforeHolds ? viaBefore : instantOfWallMsWithTemporal(wallMs, timeZone);
  }
  const viaAfter = wallMs - offsetAfter;
  const afterHolds = table.offsetAt(viaAfter) === offsetAfter;
  if (beforeHolds && afterHolds) return Math.min(viaBefore, viaAfter); // ambiguous: the first
  if (beforeHolds) return viaBefore;
  if (afterHolds) return viaAfter;
  const gapEnd = table.nextTransitionAfter(Math.min(viaBefore, viaAfter), 2 * DAY_MS);
  if (gapEnd !== null) return gapEnd;
  // Two transitions within two days (historic rule changes): ask Temporal directly.
  return instantOfWallMsWithTemporal(wallMs, timeZone);
}

/**
 * The same rule computed with Temporal alone: the definition the fast path is tested against.
 * "earlier" gives the first occurrence of an ambiguous time; for a time in a gap it gives an
 * instant before the gap, whose next transition is the end of the gap.
 */
export function instantOfWallMsWithTemporal(wallMs: number, timeZone: string): EpochMs {
  const local = Temporal.Instant.fromEpochMilliseconds(wallMs).toZonedDateTimeISO("UTC").toPlainDateTime();
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), local) === 0) return earlier.epochMilliseconds;
  const gapEnd = earlier.getTimeZoneTransition("next");
  if (!gapEnd) throw new RangeError(`No instant for ${local.toString()} in ${timeZone}`);
  return gapEnd.epochMilliseconds;
}

/** Wall ms of a local date and "HH:MM" ("24:00" is the next day's midnight). */
export function wallMsOfLocal(date: IsoDate, time: LocalTime): number {
  return epochDayOfIsoDate(date) * DAY_MS + minuteOfDayOfLocalTime(time) * MINUTE_MS;
}

/** The instant of a local date and time of day in a zone, by the gap/ambiguity rule above. */
export function instantOfLocal(date: IsoDate, time: LocalTime, timeZone: string): EpochMs {
  return instantOfWallMs(wallMsOfLocal(date, time), timeZone);
}

/**
 * A form's datetime-local value ("2026-11-23T17:30", seconds optional) read in `timeZone`, as an
 * ISO instant; null when it is not a real date and time. Never the server's own zone.
 */
export function isoInstantOfLocalDateTime(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!m || !isIsoDate(m[1]!) || !isLocalTime(m[2]!)) return null;
  try {
    return new Date(instantOfLocal(m[1]!, m[2]!, timeZone)).toISOString();
  } catch {
    return null;
  }
}

/** The first instant of a local date (where midnight falls in a gap, the end of the gap). */
export function startOfLocalDate(date: IsoDate, timeZone: string): EpochMs {
  return instantOfWallMs(epochDayOfIsoDate(date) * DAY_MS, timeZone);
}

export interface Interval {
  start: EpochMs;
  end: EpochMs;
}

/**
 * Inclusive local dates (time off "from"–"to" in the person's zone) as the half-open
 * interval of instants they cover: [start of `from`, start of the day after `to`).
 */
export function localDatesInterval(from: IsoDate, to: IsoDate, timeZone: string): Interval {
  const first = epochDayOfIsoDate(from);
  const last = epochDayOfIsoDate(to);
  if (last < first) throw new RangeError(`Date range ends before it starts: ${from}–${to}`);
  return { start: instantOfWallMs(first * DAY_MS, timeZone), end: instantOfWallMs((last + 1) * DAY_MS, timeZone) };
}

export function toIsoInstant(at: EpochMs): string {
  return Temporal.Instant.fromEpochMilliseconds(at).toString();
}

/** Parses an ISO 8601 instant with an offset or "Z" ("2026-01-05T14:00:00Z"). */
export function epochMsOfIsoInstant(value: string): EpochMs {
  return Temporal.Instant.from(value).epochMilliseconds;
}
