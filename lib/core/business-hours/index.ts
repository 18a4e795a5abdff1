import { z } from "zod";

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

/** Minutes since local midnight for "HH:MM" ("24:00" is the end of the day). */
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
