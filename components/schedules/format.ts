/** Date and time wording for the schedule pages, shared by server pages and client components. */

import { localDateTimeAt, zoneAbbreviation } from "@/lib/core/time";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { ...opts, timeZone: zone });
    cache.set(key, f);
  }
  return f;
}

// Times read on the 24-hour clock everywhere in Baton, as handoff times are entered.
const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

const toDate = (at: string | number | Date) => (at instanceof Date ? at : new Date(at));

/** "Mon, Nov 23, 09:00" in `zone` (24-hour, like handoff times); with `withZone`, the zone's short name is added ("EST", "CET"). */
export function formatInstant(at: string | number | Date, zone: string, opts: { withZone?: boolean; withYear?: boolean } = {}): string {
  const text = formatter(zone, {
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(opts.withYear ? { year: "numeric" } : {}),
    ...CLOCK,
  }).format(toDate(at));
  return opts.withZone ? `${text} ${shortZoneName(at, zone)}` : text;
}

/** "Mon, Nov 23" in `zone`. */
export function formatDay(at: string | number | Date, zone: string): string {
  return formatter(zone, { weekday: "short", month: "short", day: "numeric" }).format(toDate(at));
}

/** "09:00" in `zone`. */
export function formatTime(at: string | number | Date, zone: string): string {
  return formatter(zone, CLOCK).format(toDate(at));
}

/**
 * What part of one calendar day a shift's piece covers (list rows, time-grid labels):
 * "09:00 – 17:00", "from 09:00", "until 09:00" or "all day". `isStart`/`isEnd`: the piece holds
 * the shift's start or end. A shift ending at midnight runs to the end of that day: no "until 00:00".
 */
export function dayPieceTime(shift: { start: string; end: string }, zone: string, isStart: boolean, isEnd: boolean): string {
  const start = formatTime(shift.start, zone);
  const end = formatTime(shift.end, zone);
  const ends = isEnd && end !== "00:00";
  if (isStart && ends) return `${start} – ${end}`;
  // A shift starting at the day's midnight holds the whole day unless it ends within it.
  if (isStart) return start === "00:00" ? "all day" : `from ${start}`;
  return ends ? `until ${end}` : "all day";
}

/**
 * "Mon, Nov 23, 09:00 – Mon, Nov 30, 09:00" (the second date dropped when it is the same day).
 * With `now`, a range outside now's year names its years ("Mon, Oct 11, 2027, 09:00 – …").
 */
export function formatRange(start: string | number | Date, end: string | number | Date, zone: string, opts: { withZone?: boolean; now?: Date } = {}): string {
  const sameDay = formatDay(start, zone) === formatDay(end, zone);
  const year = (at: string | number | Date) => formatter(zone, { year: "numeric" }).format(toDate(at));
  const withYear = opts.now !== undefined && (year(start) !== year(opts.now) || year(end) !== year(opts.now));
  const tail = sameDay ? formatTime(end, zone) : formatInstant(end, zone, { withYear });
  const zoneName = opts.withZone ? ` ${shortZoneName(end, zone)}` : "";
  return `${formatInstant(start, zone, { withYear })} – ${tail}${zoneName}`;
}

/** The zone's short name at an instant: "EST", "CET", "AEDT" (an offset, "GMT+9", where English has no name). */
export function shortZoneName(at: string | number | Date, zone: string): string {
  return zoneAbbreviation(toDate(at), zone);
}

/** "in 3 days", "in 5 hours", "2 hours ago": coarse, for headers. */
export function formatRelative(at: string | number | Date, now: Date): string {
  const ms = toDate(at).getTime() - now.getTime();
  const abs = Math.abs(ms);
  const rtf = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
  const minutes = Math.round(ms / 60_000);
  if (abs < 3_600_000) return rtf.format(minutes, "minute");
  const hours = Math.round(ms / 3_600_000);
  if (abs < 48 * 3_600_000) return rtf.format(hours, "hour");
  return rtf.format(Math.round(ms / 86_400_000), "day");
}

/** "36 h", "1.5 h", "1 week 2 h" → kept simple: hours with at most one decimal. */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded.toLocaleString("en-US")} h`;
}

export const WEEKDAYS = [
  { value: 1, short: "Mon", long: "Monday" },
  { value: 2, short: "Tue", long: "Tuesday" },
  { value: 3, short: "Wed", long: "Wednesday" },
  { value: 4, short: "Thu", long: "Thursday" },
  { value: 5, short: "Fri", long: "Friday" },
  { value: 6, short: "Sat", long: "Saturday" },
  { value: 7, short: "Sun", long: "Sunday" },
] as const;

/** "Mon–Fri", "Sat, Sun", "Every day". */
export function describeWeekdays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "Every day";
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === d - 1) last.push(d);
    else runs.push([d]);
  }
  const name = (d: number) => WEEKDAYS[d - 1]?.short ?? String(d);
  return runs.map((r) => (r.length >= 3 ? `${name(r[0]!)}–${name(r[r.length - 1]!)}` : r.map(name).join(", "))).join(", ");
}

export type LayerSummaryInput = {
  shiftUnit: "hours" | "days" | "weeks";
  shiftCount: number;
  handoffTime: string;
  handoffWeekday: number | null;
  restrictions: { weekdays: number[]; start: string; end: string }[];
};

/** "Weekly", "Every 2 days", "12-hour shifts". */
export function describeShiftLength(l: Pick<LayerSummaryInput, "shiftUnit" | "shiftCount">): string {
  if (l.shiftCount === 1) return l.shiftUnit === "weeks" ? "Weekly" : l.shiftUnit === "days" ? "Daily" : "Hourly";
  if (l.shiftUnit === "hours") return `${l.shiftCount}-hour shifts`;
  return `Every ${l.shiftCount} ${l.shiftUnit}`;
}

/** "Mondays at 09:00", "at 08:00". */
export function describeHandoff(l: Pick<LayerSummaryInput, "shiftUnit" | "handoffTime" | "handoffWeekday">): string {
  if (l.shiftUnit === "weeks" && l.handoffWeekday) return `${WEEKDAYS[l.handoffWeekday - 1]?.long ?? ""}s at ${l.handoffTime}`;
  return `at ${l.handoffTime}`;
}

/** "Mon–Fri 08:00–20:00; Sat, Sun 10:00–14:00", or "Around the clock". */
export function describeRestrictions(restrictions: LayerSummaryInput["restrictions"]): string {
  if (restrictions.length === 0) return "Around the clock";
  return restrictions.map((r) => `${describeWeekdays(r.weekdays)} ${r.start}–${r.end}`).join("; ");
}

/** The value of an <input type="datetime-local"> showing `at` as wall time in `zone` ("2026-11-23T09:00"). */
export function toLocalInputValue(at: string | number | Date, zone: string): string {
  const local = localDateTimeAt(toDate(at).getTime(), zone);
  const minutes = Math.floor(local.msOfDay / 60_000);
  return `${local.date}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Today's date in `zone` ("2026-11-23"), for date inputs. */
export function todayIn(zone: string, now: Date): string {
  return localDateTimeAt(now.getTime(), zone).date;
}

/** A local date ("2026-08-17") as "Mon, Aug 17", with `withYear` "Mon, Aug 17, 2026". */
export function formatLocalDate(date: string, opts: { withYear?: boolean } = {}): string {
  return formatter("UTC", { weekday: "short", month: "short", day: "numeric", ...(opts.withYear ? { year: "numeric" } : {}) }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * Inclusive local dates, as time off reads: "Sun, Dec 20", "Sun, Dec 20 – Wed, Dec 23". The years
 * are named when the period crosses one ("Sun, Dec 20, 2026 – Thu, Jan 7, 2027": never reads
 * backwards) or is not all in `today`'s year ("Tue, Jan 1, 2199": never reads as the coming one).
 */
export function formatDateRange(from: string, to: string, opts: { today?: string } = {}): string {
  const year = opts.today?.slice(0, 4) ?? from.slice(0, 4);
  const withYear = from.slice(0, 4) !== year || to.slice(0, 4) !== year;
  return from === to ? formatLocalDate(from, { withYear }) : `${formatLocalDate(from, { withYear })} – ${formatLocalDate(to, { withYear })}`;
}
