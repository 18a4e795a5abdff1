import { isoInstantOfLocalDateTime } from "@/lib/core/time";
import { isValidTimeZone } from "@/lib/core/time-zone";
import { InvalidError } from "@/lib/errors";

/**
 * The schedule forms' fields as the use cases read them. Date-time pickers send wall times in the
 * schedule's zone ("2026-11-23T09:00"); the use cases take instants. What a field lacks is for the
 * use case's schema to say, in words ("Enter when it starts"), so a blank stays blank here.
 */

/** "2026-11-23T09:00" in `zone` → an ISO instant; blank → undefined. */
export function localToIso(value: unknown, zone: string, field: string): string | undefined {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) return undefined;
  if (!isValidTimeZone(zone)) throw InvalidError.field(field, "Unknown time zone");
  const iso = isoInstantOfLocalDateTime(text, zone);
  if (!iso) throw InvalidError.field(field, "Enter a date and time");
  return iso;
}

/** The Add override form → `createOverride`'s input. */
export function overrideFormInput(input: Record<string, unknown>) {
  const zone = String(input.zone ?? "");
  return {
    scheduleId: input.scheduleId,
    userId: input.userId,
    start: localToIso(input.start, zone, "start"),
    end: localToIso(input.end, zone, "end"),
    note: input.note ?? "",
  };
}

/**
 * The swap/cover form → `createSwapRequest`'s input. With "Only part of the shift" (`part`), the
 * part's ends are sent even when blank, so a cleared one is asked for instead of the whole shift
 * being handed over; without it (and no part given), the whole shift is.
 */
export function swapRequestFormInput(input: Record<string, unknown>) {
  const zone = String(input.zone ?? "");
  const part = input.part === "on";
  const partStart = localToIso(input.partStart, zone, "partStart") ?? (part ? "" : undefined);
  const partEnd = localToIso(input.partEnd, zone, "partEnd") ?? (part ? "" : undefined);
  const blank = (v: unknown) => v === undefined || v === "";
  return {
    scheduleId: input.scheduleId,
    layerId: input.layerId,
    shiftIndex: input.shiftIndex,
    kind: input.kind,
    counterpartId: input.counterpartId ?? "",
    ...(input.kind !== "cover" && !blank(input.counterpartShiftIndex) ? { counterpartShiftIndex: input.counterpartShiftIndex } : {}),
    ...(partStart !== undefined ? { partStart } : {}),
    ...(partEnd !== undefined ? { partEnd } : {}),
    note: input.note ?? "",
    ...(!blank(input.onBehalfOf) ? { onBehalfOf: input.onBehalfOf } : {}),
  };
}
