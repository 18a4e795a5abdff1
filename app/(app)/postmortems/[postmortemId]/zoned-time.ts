import { Temporal } from "temporal-polyfill";
import { isoInstantOfLocalDateTime } from "@/lib/core/time";

/** A datetime-local value ("2026-11-25T15:00") read in `timeZone` as an ISO instant; "" when it isn't one (zod names the field). */
export function zonedLocalToInstant(local: string, timeZone: string): string {
  return isoInstantOfLocalDateTime(local, timeZone) ?? local;
}

/** An instant as a datetime-local value in `timeZone`. */
export function instantToZonedLocal(iso: string, timeZone: string): string {
  return Temporal.Instant.from(iso)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}
