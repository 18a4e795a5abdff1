import { z } from "zod";
import { restrictionWindowSchema } from "@/lib/core/schedule";
import { addDaysToIsoDate, isIsoDate } from "@/lib/core/time";
import { bothDates, holidayOutput, idSchema, instantSchema, isoDateSchema, nameSchema, numberInput, timeZoneSchema } from "@/lib/http/common-schemas";

const DAY = 86_400_000;

/**
 * A field that must be filled in: missing, null or blank reads `message` ("Enter when it starts"),
 * not the format's instructions ("Use an ISO 8601 instant…"), which mean nothing under a picker.
 * Anything else is `inner`'s to judge (the API documents `inner`).
 */
export const requiredField = <T extends z.ZodType>(inner: T, message: string) =>
  z.preprocess((value, ctx) => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) ctx.addIssue({ code: "custom", message, input: value });
    return value;
  }, inner);

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");
const note = z.string().trim().max(500, "At most 500 characters").default("");
/** For refinements that compare two dates of a form: only when both are dates (zod runs them when a field failed). */
const bothIsoDates = (a: unknown, b: unknown): boolean => typeof a === "string" && typeof b === "string" && isIsoDate(a) && isIsoDate(b);

/**
 * Who is on call is changed (a layer edit, an override) from now to a year ahead: the past is what
 * was worked (calendar, fairness, carried burden), and further ahead is a typo. A minute's grace:
 * a form that asked for "now" reaches the server a moment later.
 */
export const NOW_GRACE_MS = 60_000;
export const PLAN_AHEAD_MS = 366 * DAY;

const scheduleFields = z.object({
  name: nameSchema,
  description: z.string().trim().max(500, "At most 500 characters"),
  timeZone: timeZoneSchema,
  teamId: idSchema.nullish(),
  clientId: idSchema.nullish(),
});
export const createScheduleInput = scheduleFields.extend({ description: scheduleFields.shape.description.default("") });
/**
 * An edit changes the fields it sends and nothing else: no defaults here (a default would overwrite
 * a field left out). The form always sends the description, so an emptied one ("") clears it.
 */
export const updateScheduleInput = scheduleFields.partial().extend({ scheduleId: idSchema });
export const deleteScheduleInput = z.object({ scheduleId: idSchema, confirmName: z.string().optional() });

export const layerInput = z
  .object({
    scheduleId: idSchema,
    layerId: idSchema.optional(),
    name: nameSchema,
    participantIds: z.array(idSchema, "Add at least one person").min(1, "Add at least one person").max(100, "At most 100 people"),
    shiftUnit: z.enum(["hours", "days", "weeks"], "Choose hours, days or weeks"),
    shiftCount: numberInput(z.number("Enter a number").int("A whole number").min(1, "At least 1").max(52, "At most 52")),
    handoffTime: requiredField(hhmm, "Enter the handoff time"),
    handoffWeekday: z.coerce.number("Choose a day").int("Choose a day").min(1, "Choose a day").max(7, "Choose a day").nullish(),
    startDate: requiredField(isoDateSchema, "Enter the start date"),
    restrictions: z.array(restrictionWindowSchema, "Could not read the time windows").max(28, "At most 28 time windows").default([]),
    position: z.coerce.number("Enter a number").int("A whole number").min(0, "At least 0").max(100, "At most 100").optional(),
    /** When an edit takes effect (default now); the rotation as it was holds until then. */
    effectiveFrom: instantSchema.optional(),
  })
  .refine((l) => l.effectiveFrom === undefined || l.layerId !== undefined, { message: "Only an edit takes effect later; a new layer starts on its start date", path: ["effectiveFrom"] })
  .refine((l) => l.shiftUnit === "weeks" || l.handoffWeekday == null, { message: "A handoff weekday applies to weekly rotations only", path: ["handoffWeekday"] })
  .refine((l) => l.shiftUnit !== "hours" || l.shiftCount <= 24 * 14, { message: "Too long", path: ["shiftCount"] });
export const deleteLayerInput = z.object({ scheduleId: idSchema, layerId: idSchema });

export const overrideInput = z
  .object({
    scheduleId: idSchema,
    userId: idSchema,
    start: requiredField(instantSchema, "Enter when it starts"),
    end: requiredField(instantSchema, "Enter when it ends"),
    replacesUserId: idSchema.nullish(),
    note,
  })
  .refine((o) => !bothDates(o.start, o.end) || o.end > o.start, { message: "The override must end after it starts", path: ["end"] })
  .refine((o) => !bothDates(o.start, o.end) || o.end.getTime() - o.start.getTime() <= 90 * DAY, { message: "At most 90 days at once", path: ["end"] });
/**
 * An override as of `now`: it may have begun already ("from now") but not ended, and lies within
 * a year ahead, as layer edits take effect (a start beyond is the start's error; an end beyond, the end's).
 */
export const overrideInputAt = (now: Date) => {
  const limit = now.getTime() + PLAN_AHEAD_MS;
  return overrideInput
    .refine((o) => !(o.end instanceof Date) || o.end.getTime() >= now.getTime() - NOW_GRACE_MS, { message: "An override can't end in the past", path: ["end"] })
    .refine((o) => !(o.start instanceof Date) || o.start.getTime() <= limit, { message: "At most a year ahead", path: ["start"] })
    .refine((o) => !bothDates(o.start, o.end) || o.start.getTime() > limit || o.end.getTime() <= limit, { message: "Must end within a year from now", path: ["end"] });
};
export const deleteOverrideInput = z.object({ scheduleId: idSchema, overrideId: idSchema });

export const timeOffInput = z
  .object({ userId: idSchema.optional(), fromDate: requiredField(isoDateSchema, "Enter the first day off"), toDate: requiredField(isoDateSchema, "Enter the last day off"), note })
  .refine((t) => !bothIsoDates(t.fromDate, t.toDate) || t.toDate >= t.fromDate, { message: "Ends before it starts", path: ["toDate"] })
  .refine((t) => !bothIsoDates(t.fromDate, t.toDate) || t.toDate < t.fromDate || Date.parse(t.toDate) - Date.parse(t.fromDate) < 366 * DAY, {
    message: "At most a year at once (add another period for longer leave)",
    path: ["toDate"],
  });
/** How far ahead time off may start: two years (a later date is a typo, and reads as next year's). */
export const TIME_OFF_AHEAD_DAYS = 731;
/**
 * Time off as of `today` in the person's own zone (its dates are whole days of theirs): it may
 * have begun but not ended (past leave is history nobody plans around, and is never listed), and
 * starts at most two years ahead.
 */
export const timeOffInputOn = (today: string) =>
  timeOffInput
    .refine((t) => !bothIsoDates(t.fromDate, t.toDate) || t.toDate >= today, { message: "Time off can't end before today", path: ["toDate"] })
    .refine((t) => !bothIsoDates(t.fromDate, t.toDate) || t.fromDate <= addDaysToIsoDate(today, TIME_OFF_AHEAD_DAYS), { message: "At most two years ahead", path: ["fromDate"] });
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
  /** `disabled`: the account is disabled, so its turns are gaps (or a lower layer's) until the rotation changes. */
  participants: z.array(z.object({ userId: z.string(), name: z.string(), disabled: z.boolean() })),
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
  /** The client's and the team's holidays (their hours weigh more in fairness), sorted by date. */
  holidays: z.array(holidayOutput),
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

/**
 * The fairness page's period as typed (its form's query): whole days, both given, starting no
 * later than `today`, ending no earlier than the start, at most 400 days.
 */
export const fairnessPeriodInput = (today: string) =>
  z
    .object({ from: requiredField(isoDateSchema, "Enter the first day"), to: requiredField(isoDateSchema, "Enter the last day") })
    .refine((p) => !bothIsoDates(p.from, p.to) || p.from <= today, { message: "The period can't start in the future", path: ["from"] })
    .refine((p) => !bothIsoDates(p.from, p.to) || p.to >= p.from, { message: "The end must not be before the start", path: ["to"] })
    .refine((p) => !bothIsoDates(p.from, p.to) || p.to < p.from || Date.parse(p.to) - Date.parse(p.from) < 400 * DAY, { message: "At most 400 days", path: ["to"] });

export const fairnessQuery = z
  .object({ teamId: idSchema, from: instantSchema, to: instantSchema })
  .refine((r) => !bothDates(r.from, r.to) || r.to > r.from, { message: "`to` must be after `from`", path: ["to"] })
  .refine((r) => !bothDates(r.from, r.to) || r.to.getTime() - r.from.getTime() <= 400 * 86_400_000, { message: "At most 400 days at once", path: ["to"] });
