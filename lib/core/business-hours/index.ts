import { z } from "zod";
import { isoDateOfEpochDay, weekdayOfEpochDay } from "../time/civil-date";
import { nextZoneTransitionAfter, zoneOffsetAt } from "../time/zone-offsets";
import { instantOfWallMs, localDateTimeAt } from "../time/zoned-time";

/** ISO weekday order (Monday first), as keys of a client's business hours. */
export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
export const WEEKDAY_LABELS: Record<WeekdayKey, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Minutes since local midnight for "HH:MM" ("24:00" is the end of the day). Lenient on purpose,
 * unlike `minuteOfDayOfLocalTime` (which throws): zod 4 runs the window's refinements below even
 * when a field already failed its pattern, and a throw there would be a 500, not a field error.
 */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export const timeWindowSchema = z
  .object({
    start: z.string().regex(HHMM, "Use HH:MM (24-hour)"),
    end: z.string().regex(HHMM, "Use HH:MM (24-hour), or 24:00 for midnight"),
  })
  .refine((w) => minutesOfDay(w.start) < minutesOfDay(w.end), {
    message: "A window must end after it starts",
    path: ["end"],
  });
export type TimeWindow = z.infer<typeof timeWindowSchema>;

const dayWindowsSchema = z
  .array(timeWindowSchema)
  .max(6, "At most 6 windows a day")
  .superRefine((windows, ctx) => {
    const sorted = [...windows].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
    for (let i = 1; i < sorted.length; i++) {
      if (minutesOfDay(sorted[i]!.start) < minutesOfDay(sorted[i - 1]!.end)) {
        ctx.addIssue({ code: "custom", message: "Windows on the same day must not overlap" });
        return;
      }
    }
  })
  .transform((windows) => [...windows].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start)));

/** A client's business hours: windows per weekday in the client's own time zone. */
export const businessHoursSchema = z.object({
  mon: dayWindowsSchema.default([]),
  tue: dayWindowsSchema.default([]),
  wed: dayWindowsSchema.default([]),
  thu: dayWindowsSchema.default([]),
  fri: dayWindowsSchema.default([]),
  sat: dayWindowsSchema.default([]),
  sun: dayWindowsSchema.default([]),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** The same windows on each of the given days, none on the others. */
export function uniformBusinessHours(days: readonly WeekdayKey[], window: TimeWindow): BusinessHours {
  const hours = Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, days.includes(d) ? [window] : []]));
  return hours as BusinessHours;
}

/** "Mon–Fri 08:00–18:00" style summary, grouping consecutive days with identical windows. */
export function describeBusinessHours(hours: BusinessHours): string {
  const key = (d: WeekdayKey) => hours[d].map((w) => `${w.start}–${w.end}`).join(", ");
  const parts: string[] = [];
  let i = 0;
  while (i < WEEKDAY_KEYS.length) {
    const day = WEEKDAY_KEYS[i]!;
    let j = i;
    while (j + 1 < WEEKDAY_KEYS.length && key(WEEKDAY_KEYS[j + 1]!) === key(day)) j++;
    if (hours[day].length > 0) {
      const span = i === j ? WEEKDAY_LABELS[day] : `${WEEKDAY_LABELS[day]}–${WEEKDAY_LABELS[WEEKDAY_KEYS[j]!]}`;
      parts.push(`${span} ${key(day)}`);
    }
    i = j + 1;
  }
  return parts.length > 0 ? parts.join("; ") : "No business hours";
}

/** Weekday key, local date and minutes since midnight of an instant in a zone. */
export function wallClockAt(timeZone: string, at: Date): { weekday: WeekdayKey; date: string; minutes: number; time: string } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = get("weekday").toLowerCase().slice(0, 3) as WeekdayKey;
  const hour = Number(get("hour"));
  const minute = Number(get("minute"));
  return { weekday, date: `${get("year")}-${get("month")}-${get("day")}`, minutes: hour * 60 + minute, time: `${get("hour")}:${get("minute")}` };
}

/** Whether `at` falls in the client's business hours (a holiday has none). */
export function isWithinBusinessHours(hours: BusinessHours, holidays: readonly string[], timeZone: string, at: Date): boolean {
  const local = wallClockAt(timeZone, at);
  if (holidays.includes(local.date)) return false;
  return hours[local.weekday].some((w) => minutesOfDay(w.start) <= local.minutes && local.minutes < minutesOfDay(w.end));
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEKDAY_KEY_OF_ISO: Record<number, WeekdayKey> = { 1: "mon", 2: "tue", 3: "wed", 4: "thu", 5: "fri", 6: "sat", 7: "sun" };
/** How far ahead to look: a year of holidays (at most 400) plus a week, with room to spare. */
export const NEXT_BUSINESS_HOURS_MAX_DAYS = 800;

/** Same answer as isWithinBusinessHours, on the zone offset tables (no Intl formatter per call). */
function openAt(hours: BusinessHours, holidays: ReadonlySet<string>, timeZone: string, at: number): boolean {
  const local = localDateTimeAt(at, timeZone);
  if (holidays.has(local.date)) return false;
  const minutes = Math.floor(local.msOfDay / MINUTE_MS);
  return hours[WEEKDAY_KEY_OF_ISO[local.weekday]!].some((w) => minutesOfDay(w.start) <= minutes && minutes < minutesOfDay(w.end));
}

/** Every instant a local date and "HH:MM" happens at: one, two when the clock falls back over it, the end of the gap when it springs forward over it. */
function occurrencesOf(epochDay: number, hhmm: string, timeZone: string): number[] {
  const wallMs = epochDay * DAY_MS + minutesOfDay(hhmm) * MINUTE_MS;
  const first = instantOfWallMs(wallMs, timeZone);
  const out = [first];
  const laterOffset = zoneOffsetAt(timeZone, wallMs + DAY_MS);
  const later = wallMs - laterOffset;
  if (later > first && zoneOffsetAt(timeZone, later) === laterOffset) out.push(later);
  return out;
}

/**
 * The first instant at or after `at` inside the client's business hours: `at` itself when it
 * is inside them, else the start of the next window (in the client's zone, skipping holidays).
 * Exact across DST: a window starting in a spring-forward gap opens when the gap ends, and an
 * instant where the clock falls back into a window opens it. Null when there are no business
 * hours in the next NEXT_BUSINESS_HOURS_MAX_DAYS days (no windows at all, or all holidays).
 * Pure and clock-free.
 */
export function nextBusinessHoursStart(hours: BusinessHours, holidays: readonly string[], timeZone: string, at: Date): Date | null {
  const holidaySet = new Set(holidays);
  const t = at.getTime();
  if (openAt(hours, holidaySet, timeZone, t)) return new Date(t);
  if (WEEKDAY_KEYS.every((d) => hours[d].length === 0)) return null;
  // Being outside business hours only ends where the wall clock reaches a window's start or
  // where the offset changes; walk those instants day by day, in order, and take the first
  // after `at` that is inside. Start a day early: a local date begins before its UTC one east of UTC.
  const firstDay = localDateTimeAt(t, timeZone).epochDay - 1;
  for (let i = 0; i <= NEXT_BUSINESS_HOURS_MAX_DAYS; i++) {
    const day = firstDay + i;
    const dayStart = instantOfWallMs(day * DAY_MS, timeZone);
    const dayEnd = instantOfWallMs((day + 1) * DAY_MS, timeZone);
    if (dayEnd <= t) continue;
    const candidates: number[] = [];
    if (!holidaySet.has(isoDateOfEpochDay(day))) {
      for (const w of hours[WEEKDAY_KEY_OF_ISO[weekdayOfEpochDay(day)]!]) candidates.push(...occurrencesOf(day, w.start, timeZone));
    }
    for (let cursor = dayStart - 1, k = 0; k < 8; k++) {
      const transition = nextZoneTransitionAfter(timeZone, cursor, dayEnd - cursor);
      if (transition === null || transition >= dayEnd) break;
      candidates.push(transition);
      cursor = transition;
    }
    candidates.sort((a, b) => a - b);
    for (const c of candidates) if (c > t && openAt(hours, holidaySet, timeZone, c)) return new Date(c);
  }
  return null;
}
