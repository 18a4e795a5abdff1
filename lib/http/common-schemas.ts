import { z } from "zod";
import { isValidTimeZone } from "@/lib/core/time-zone";

export const idSchema = z.string().trim().min(1, "Required").max(64);
export const nameSchema = z.string().trim().min(1, "Required").max(120, "At most 120 characters");
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254));
export const timeZoneSchema = z.string().trim().refine(isValidTimeZone, "Unknown time zone (use an IANA name like Europe/London)");
export const isoDateSchema = z.iso.date("Use YYYY-MM-DD");
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
