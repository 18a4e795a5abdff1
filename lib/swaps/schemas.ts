import { z } from "zod";
import { idSchema, instantSchema } from "@/lib/http/common-schemas";
import { requiredField } from "@/lib/schedules/schemas";


/** A shift instance further ahead than this (a year, as overrides and layer edits) is a typo, not a plan. */
export const SHIFT_TOO_FAR_MESSAGE = "That shift is more than a year ahead";
/** The largest index a request stores (a 32-bit column); any index near it is far more than a year ahead anyway. */
export const MAX_SHIFT_INDEX = 2_147_483_647;
// Too large first, alone (`abort`): 1e20 is not "not a whole number" to anyone, it is too far ahead.
const shiftIndexSchema = z.coerce.number("Choose a shift").max(MAX_SHIFT_INDEX, { error: SHIFT_TOO_FAR_MESSAGE, abort: true }).int("Choose a shift").min(0, "Choose a shift");

export const createSwapRequestInput = z
  .object({
    scheduleId: idSchema,
    layerId: idSchema,
    /** The instance's number in the layer (0 = the first); at most a year ahead, not over. */
    shiftIndex: requiredField(shiftIndexSchema, "Choose a shift"),
    kind: z.enum(["swap", "cover"]),
    /** Omit (or empty) for an open offer to the whole team: the first acceptance wins. */
    counterpartId: idSchema.nullish().or(z.literal("").transform(() => null)),
    /** For a swap: the counterpart's shift instance (same layer) given in exchange. */
    counterpartShiftIndex: shiftIndexSchema.nullish(),
    /** Part of the shift only; omitted, the whole instance's (given blank, it is asked for: the form's "Only part of the shift"). */
    partStart: requiredField(instantSchema, "Enter the start of the part").optional(),
    partEnd: requiredField(instantSchema, "Enter the end of the part").optional(),
    note: z.string().trim().max(500, "At most 500 characters").default(""),
    /** Managers may ask on someone's behalf. */
    onBehalfOf: idSchema.nullish(),
  })
  .refine((r) => r.kind === "cover" || (r.counterpartId && r.counterpartShiftIndex != null), {
    message: "A swap names a colleague and the shift of theirs you take in exchange",
    path: ["counterpartShiftIndex"],
  })
  .refine((r) => !(r.partStart instanceof Date && r.partEnd instanceof Date) || r.partEnd > r.partStart, { message: "The part must end after it starts", path: ["partEnd"] });

/** A step on a request; the note (a reason for declining, cancelling, rejecting, reverting) goes into the notices. */
export const swapRequestIdInput = z.object({ requestId: idSchema, note: z.string().trim().max(500, "At most 500 characters").optional() });

export const swapRequestOutput = z.object({
  id: z.string(),
  scheduleId: z.string(),
  kind: z.enum(["swap", "cover"]),
  status: z.enum(["pending", "accepted", "approved", "declined", "rejected", "cancelled", "reverted"]),
  requesterId: z.string(),
  requesterName: z.string(),
  counterpartId: z.string().nullable(),
  counterpartName: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  shift: z.object({ layerId: z.string(), index: z.number().int(), start: z.iso.datetime(), end: z.iso.datetime() }),
  part: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }),
  counterpartShift: z.object({ index: z.number().int(), start: z.iso.datetime(), end: z.iso.datetime() }).nullable(),
  /** Whether a manager must approve: while pending, the team's rule now; once accepted, the rule it was accepted under. */
  needsApproval: z.boolean(),
  flagged: z.boolean(),
  note: z.string(),
  createdAt: z.iso.datetime(),
});
export type SwapRequestOutput = z.infer<typeof swapRequestOutput>;
