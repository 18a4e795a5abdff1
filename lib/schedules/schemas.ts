import { z } from "zod";
import { restrictionWindowSchema } from "@/lib/core/schedule";
import { bothDates, idSchema, instantSchema, isoDateSchema, nameSchema, numberInput, timeZoneSchema } from "@/lib/http/common-schemas";

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");

export const createScheduleInput = z.object({
  name: nameSchema,
  description: z.string().trim().max(500).default(""),
  timeZone: timeZoneSchema,
  teamId: idSchema.nullish(),
  clientId: idSchema.nullish(),
});
export const updateScheduleInput = createScheduleInput.partial().extend({ scheduleId: idSchema });
export const deleteScheduleInput = z.object({ scheduleId: idSchema, confirmName: z.string().optional() });

export const layerInput = z
  .object({
    scheduleId: idSchema,
    layerId: idSchema.optional(),
    name: nameSchema,
    participantIds: z.array(idSchema).min(1, "Add at least one person").max(100),
    shiftUnit: z.enum(["hours", "days", "weeks"]),
    shiftCount: numberInput(z.number("Enter a number").int("A whole number").min(1, "At least 1").max(52, "At most 52")),
    handoffTime: hhmm,
    handoffWeekday: z.coerce.number().int().min(1).max(7).nullish(),
    startDate: isoDateSchema,
    restrictions: z.array(restrictionWindowSchema).max(28).default([]),
    position: z.coerce.number().int().min(0).max(100).optional(),
    /** When an edit takes effect (default now); the rotation as it was holds until then. */
    effectiveFrom: instantSchema.optional(),
  })
  .refine((l) => l.effectiveFrom === undefined || l.layerId !== undefined, { message: "Only an edit takes effect later; a new layer starts on its start date", path: ["effectiveFrom"] })
  .refine((l) => l.shiftUnit === "weeks" || l.handoffWeekday == null, { message: "A handoff weekday applies to weekly rotations only", path: ["handoffWeekday"] })
  .refine((l) => l.shiftUnit !== "hours" || l.shiftCount <= 24 * 14, { message: "Too long", path: ["shiftCount"] });
export const deleteLayerInput = z.object({ scheduleId: idSchema, layerId: idSchema });

export const overrideInput = z
  .object({ scheduleId: idSchema, userId: idSchema, start: instantSchema, end: instantSchema, replacesUserId: idSchema.nullish(), note: z.string().trim().max(500).default("") })
  .refine((o) => !bothDates(o.start, o.end) || o.end > o.start, { message: "The override must end after it starts", path: ["end"] })
  .refine((o) => !bothDates(o.start, o.end) || o.end.getTime() - o.start.getTime() <= 90 * 86_400_000, { message: "At most 90 days at once", path: ["end"] });
export const deleteOverrideInput = z.object({ scheduleId: idSchema, overrideId: idSchema });

export const timeOffInput = z
  .object({ userId: idSchema.optional(), fromDate: isoDateSchema, toDate: isoDateSchema, note: z.string().trim().max(500).default("") })
  .refine((t) => t.toDate >= t.fromDate, { message: "Ends before it starts", path: ["toDate"] })
  .refine((t) => t.toDate < t.fromDate || Date.parse(t.toDate) - Date.parse(t.fromDate) < 366 * 86_400_000, { message: "At most a year at once (add another period for longer leave)", path: ["toDate"] });
export const deleteTimeOffInput = z.object({ timeOffId: idSchema });

export const rangeQuery = z
  .object({ from: instantSchema, to: instantSchema })
  .refine((r) => !bothDates(r.from, r.to) || r.to > r.from, { message: "`to` must be after `from`", path: ["to"] })
  .refine((r) => !bothDates(r.from, r.to) || r.to.getTime() - r.from.getTime() <= 400 * 86_400_000, { message: "At most 400 days at once", path: ["to"] });

export const shiftOutput = z.object({
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  origin: z.enum(["rotation", "override", "swap", "gap"]),
  layerId: z.string().nullable(),
  layerName: z.string().nullable(),
  overrideId: z.string().nullable(),
  shiftIndex: z.number().int().nullable(),
  conflicts: z.array(z.string()),
});
export type ShiftOutput = z.infer<typeof shiftOutput>;

export const layerOutput = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  participants: z.array(z.object({ userId: z.string(), name: z.string() })),
  shiftUnit: z.enum(["hours", "days", "weeks"]),
  shiftCount: z.number().int(),
  handoffTime: z.string(),
  handoffWeekday: z.number().int().nullable(),
  startDate: z.string(),
  restrictions: z.array(z.object({ weekdays: z.array(z.number().int()), start: z.string(), end: z.string() })),
  version: z.number().int(),
  /** Set while an edit waits to take effect: this definition holds from then, the previous one until then. */
  effectiveFrom: z.iso.datetime().nullable(),
  /** While an edit waits: who takes turns until it takes effect (null otherwise). */
  participantsUntilThen: z.array(z.object({ userId: z.string(), name: z.string() })).nullable(),
  /** The layer's next handoff after now under its current definition (null before it starts or once it ends). */
  nextHandoff: z.iso.datetime().nullable(),
});
export const scheduleOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  timeZone: z.string(),
  teamId: z.string().nullable(),
  clientId: z.string().nullable(),
  layers: z.array(layerOutput),
  onCallNow: z.object({ userId: z.string().nullable(), userName: z.string().nullable() }),
  nextHandoff: z.iso.datetime().nullable(),
  gapsNext14Days: z.number().int(),
});
export type ScheduleOutput = z.infer<typeof scheduleOutput>;

export const generationInput = z.object({
  scheduleId: idSchema,
  layerId: idSchema,
  weeks: z.coerce.number().int().min(1, "At least one week").max(26, "At most 26 weeks at once"),
});
export const publishGenerationInput = generationInput.extend({
  /** The layer version the preview was made from: publishing refuses if the layer changed since. */
  layerVersion: z.coerce.number().int(),
  assignments: z.array(z.object({ index: z.number().int().min(0), userId: idSchema })).min(1).max(400),
});

export const fairnessQuery = z
  .object({ teamId: idSchema, from: instantSchema, to: instantSchema })
  .refine((r) => !bothDates(r.from, r.to) || r.to > r.from, { message: "`to` must be after `from`", path: ["to"] })
  .refine((r) => !bothDates(r.from, r.to) || r.to.getTime() - r.from.getTime() <= 400 * 86_400_000, { message: "At most 400 days at once", path: ["to"] });
