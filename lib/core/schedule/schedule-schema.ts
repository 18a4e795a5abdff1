import { z } from "zod";
import { isValidTimeZone } from "../time-zone";
import { isIsoDate } from "../time/civil-date";
import { isLocalTime } from "../time/local-time";

/** zod schemas for schedule input at the edges (API bodies, forms); the engine trusts parsed values. */

const localTime = z.string().refine((v) => isLocalTime(v), "Use HH:MM (24-hour)");
const windowEnd = z.string().refine((v) => isLocalTime(v, { allowEndOfDay: true }), "Use HH:MM (24-hour), or 24:00");
const isoDate = z.string().refine(isIsoDate, "Use a date as YYYY-MM-DD");
const isoWeekday = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)], "Days are 1 (Monday) to 7 (Sunday)");
/** A time the form always sends: blank or missing asks for it; anything else must read HH:MM. */
const filledTime = (missing: string, time: z.ZodType<string, string>) =>
  z.string({ error: (issue) => (issue.input === undefined ? missing : "Use HH:MM (24-hour)") }).trim().min(1, { message: missing, abort: true }).pipe(time);

export const timeZoneSchema = z.string().refine(isValidTimeZone, "Unknown IANA time zone");

/**
 * A weekday/time window. Its end is another time of day (before the start, it runs past midnight):
 * an end equal to its start would be an empty window, or a whole day, and reads as neither.
 */
export const restrictionWindowSchema = z
  .object({
    weekdays: z.array(isoWeekday, "Pick at least one day").min(1, "Pick at least one day").max(7, "Each day at most once"),
    start: filledTime("Enter when the window starts", localTime),
    end: filledTime("Enter when the window ends", windowEnd),
  })
  .refine((w) => !(isLocalTime(w.start) && isLocalTime(w.end)) || w.start !== w.end, { message: "The window must end at a different time than it starts", path: ["end"] });

export const shiftLengthSchema = z.object({
  unit: z.enum(["hours", "days", "weeks"]),
  count: z.number().int().min(1).max(10_000),
});

export const rotationLayerSchema = z
  .object({
    id: z.string().min(1),
    participants: z.array(z.string().min(1)).min(1).max(500),
    shift: shiftLengthSchema,
    handoffTime: localTime,
    handoffWeekday: isoWeekday.optional(),
    startDate: isoDate,
    restrictions: z.array(restrictionWindowSchema).max(28).optional(),
    priority: z.number().int().optional(),
  })
  .refine((l) => l.handoffWeekday === undefined || l.shift.unit === "weeks", {
    message: "A handoff weekday applies to weekly rotations only",
    path: ["handoffWeekday"],
  });
