import { weekdayOfEpochDay } from "../time/civil-date";
import { minuteOfDayOfLocalTime } from "../time/local-time";
import { zoneOffsetTable, type EpochMs } from "../time/zone-offsets";
import { instantOfWallMs, wallMsAt, type Interval } from "../time/zoned-time";
import type { RestrictionWindow } from "./types";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

interface ParsedWindow {
  weekdays: ReadonlySet<number>;
  startMinute: number;
  endMinute: number;
}

// Windows are immutable values: parse each once (isInsideRestrictions runs in tight loops).
const parsed = new WeakMap<RestrictionWindow, ParsedWindow>();

function parse(window: RestrictionWindow): ParsedWindow {
  let entry = parsed.get(window);
  if (!entry) {
    entry = { weekdays: new Set(window.weekdays), startMinute: minuteOfDayOfLocalTime(window.start), endMinute: minuteOfDayOfLocalTime(window.end) };
    parsed.set(window, entry);
  }
  return entry;
}

/** The window opened on local day `epochDay`, as instants (may be empty after a DST gap). */
function windowOnDay(window: RestrictionWindow, epochDay: number, timeZone: string): Interval {
  const { startMinute, endMinute } = parse(window);
  const endDay = endMinute <= startMinute ? epochDay + 1 : epochDay;
  return {
    start: instantOfWallMs(epochDay * DAY_MS + startMinute * MINUTE_MS, timeZone),
    end: instantOfWallMs(endDay * DAY_MS + endMinute * MINUTE_MS, timeZone),
  };
}

/**
 * The instants inside any of the windows that overlap [from, to), merged into disjoint
 * intervals in order (not clipped to the range).
 */
export function restrictionIntervalsBetween(
  windows: readonly RestrictionWindow[],
  timeZone: string,
  from: EpochMs,
  to: EpochMs,
): Interval[] {
  if (to <= from || windows.length === 0) return [];
  // A window opened the day before `from` can still be open (it may cross midnight).
  const firstDay = Math.floor(wallMsAt(from, timeZone) / DAY_MS) - 1;
  const lastDay = Math.floor(wallMsAt(to, timeZone) / DAY_MS);
  const raw: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = weekdayOfEpochDay(day);
    for (const window of windows) {
      if (!parse(window).weekdays.has(weekday)) continue;
      const interval = windowOnDay(window, day, timeZone);
      if (interval.end > interval.start && interval.end > from && interval.start < to) raw.push(interval);
    }
  }
  raw.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of raw) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** True if `at` is inside one of the windows. */
export function isInsideRestrictions(windows: readonly RestrictionWindow[], timeZone: string, at: EpochMs): boolean {
  const table = zoneOffsetTable(timeZone);
  const wall = at + table.offsetAt(at);
  // Windows that can hold `at` start and end within two days of it; three days inside a stretch
  // of constant offset, wall times compare exactly like the instants they stand for.
  const wallComparable = at - table.offsetSegmentStart(at) >= 3 * DAY_MS && table.offsetSegmentEnd(at) - at >= 3 * DAY_MS;
  const day = Math.floor(wall / DAY_MS);
  for (let openedOn = day - 1; openedOn <= day; openedOn++) {
    const weekday = weekdayOfEpochDay(openedOn);
    for (const window of windows) {
      const { weekdays, startMinute, endMinute } = parse(window);
      if (!weekdays.has(weekday)) continue;
      if (wallComparable) {
        const startWall = openedOn * DAY_MS + startMinute * MINUTE_MS;
        const endWall = (endMinute <= startMinute ? openedOn + 1 : openedOn) * DAY_MS + endMinute * MINUTE_MS;
        if (startWall <= wall && wall < endWall) return true;
      } else {
        const { start, end } = windowOnDay(window, openedOn, timeZone);
        if (start <= at && at < end) return true;
      }
    }
  }
  return false;
}
