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
/** Checkbox semantics for forms ("on"/"true"/"1") and booleans for JSON. */
export const boolish = z
  .union([z.boolean(), z.enum(["on", "true", "1", "false", "0", "off", ""])])
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");
