import { z } from "zod";
import { isValidTimeZone } from "@/lib/core/time-zone";
import { INSTANT_RANGE_MESSAGE, isInstantInRange } from "@/lib/validation";

export const idSchema = z.string().trim().min(1, "Required").max(64);
export const nameSchema = z.string().trim().min(1, "Required").max(120, "At most 120 characters");
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254));
export const timeZoneSchema = z.string().trim().refine(isValidTimeZone, "Unknown time zone (use an IANA name like Europe/London)");
// Unreadable text is the format check's error, not the range's.
const inRangeUnlessUnreadable = (text: string) => {
  const ms = Date.parse(text);
  return Number.isNaN(ms) || isInstantInRange(ms);
};
/** A calendar date "YYYY-MM-DD" in 1900–2199 (0001 or 9999 is a typo, and breaks date arithmetic downstream). */
export const isoDateSchema = z.iso.date("Use YYYY-MM-DD").refine(inRangeUnlessUnreadable, INSTANT_RANGE_MESSAGE);
/** An ISO 8601 instant with its offset ("2026-11-23T14:00:00Z") in 1900–2199, kept as its text (for inputs stored or shown as given). */
export const instantTextSchema = (message = "Use an ISO 8601 instant, e.g. 2026-11-23T14:00:00Z") => z.iso.datetime({ offset: true, message }).refine(inRangeUnlessUnreadable, INSTANT_RANGE_MESSAGE);
/** The same instant as a Date. */
export const instantSchema = instantTextSchema().transform((v) => new Date(v));
/**
 * A number from JSON (a number) or from a form field (its text); anything else — true, [5], "" —
 * is refused by `inner` rather than coerced (z.coerce.number would read true as 1).
 */
export const numberInput = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), inner);
/** For object refinements, which zod runs even when a field failed: compare only dates that parsed. */
export const bothDates = (a: unknown, b: unknown): boolean => a instanceof Date && b instanceof Date;
export const holidaySchema = z.object({
  date: isoDateSchema,
  name: z.string().trim().max(120, "At most 120 characters").default(""),
});
/** A holiday calendar (a client's or a team's), replaced as a whole: each date once. */
export const holidaysSchema = z
  .array(holidaySchema)
  .max(400, "At most 400 holidays")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((h, i) => {
      if (seen.has(h.date)) ctx.addIssue({ code: "custom", message: `${h.date} is listed twice`, path: [i, "date"] });
      seen.add(h.date);
    });
  });
export const holidayOutput = z.object({ date: z.string(), name: z.string() });
export type Holiday = z.infer<typeof holidayOutput>;
/** Checkbox semantics for forms ("on"/"true"/"1") and booleans for JSON. */
export const boolish = z
  .union([z.boolean(), z.enum(["on", "true", "1", "false", "0", "off", ""])])
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");
