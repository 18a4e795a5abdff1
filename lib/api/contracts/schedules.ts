import { z } from "zod";
import { idSchema, instantTextSchema, isoDateSchema } from "@/lib/http/common-schemas";
import type { ApiContract } from "@/lib/http/api-route";
import { createScheduleInput, generationInput, layerInput, overrideInput, publishGenerationInput, rangeQuery, scheduleOutput, shiftOutput, timeOffInput, updateScheduleInput } from "@/lib/schedules/schemas";
import { createSwapRequestInput, swapRequestOutput } from "@/lib/swaps/schemas";
import { list, one } from "./shapes";

const scheduleParams = z.object({ scheduleId: idSchema });
const layerParams = z.object({ scheduleId: idSchema, layerId: idSchema });
const overrideParams = z.object({ scheduleId: idSchema, overrideId: idSchema });
const requestParams = z.object({ requestId: idSchema });
const noteBody = z.object({ note: z.string().max(500).optional() });
const overrideOutput = z.object({ id: z.string(), userId: z.string(), start: z.iso.datetime(), end: z.iso.datetime(), origin: z.enum(["override", "swap"]) });
const timeOffOutput = z.object({ id: z.string(), userId: z.string(), fromDate: z.string(), toDate: z.string(), note: z.string() });
const onCallOutput = z.object({ scheduleId: z.string(), scheduleName: z.string(), userId: z.string().nullable(), userName: z.string().nullable(), origin: z.string(), at: z.iso.datetime() });

const transition = (verb: string, summary: string) =>
  ({ method: "POST", path: `/api/v1/swap-requests/{requestId}/${verb}`, tag: "Swap requests", summary, permission: verb === "approve" || verb === "reject" || verb === "revert" ? "swaps:approve" : "swaps:request", params: requestParams, body: noteBody, response: one(swapRequestOutput) }) as const;

/** Schedules, layers, overrides, time off, swap requests and who is on call. */
export const scheduleContracts = {
  listSchedules: { method: "GET", path: "/api/v1/schedules", tag: "Schedules", summary: "List schedules with who is on call now", permission: "schedules:read", response: list(scheduleOutput) },
  createSchedule: { method: "POST", path: "/api/v1/schedules", tag: "Schedules", summary: "Create a schedule", permission: "schedules:manage", body: createScheduleInput, response: one(scheduleOutput), status: 201 },
  getSchedule: { method: "GET", path: "/api/v1/schedules/{scheduleId}", tag: "Schedules", summary: "Get a schedule with its layers", permission: "schedules:read", params: scheduleParams, response: one(scheduleOutput) },
  updateSchedule: { method: "PATCH", path: "/api/v1/schedules/{scheduleId}", tag: "Schedules", summary: "Update a schedule", permission: "schedules:manage", params: scheduleParams, body: updateScheduleInput.omit({ scheduleId: true }), response: one(scheduleOutput) },
  deleteSchedule: { method: "DELETE", path: "/api/v1/schedules/{scheduleId}", tag: "Schedules", summary: "Delete a schedule", permission: "schedules:manage", params: scheduleParams, status: 204 },
  listShifts: { method: "GET", path: "/api/v1/schedules/{scheduleId}/shifts", tag: "Schedules", summary: "Final shifts in [from, to): who, when, layer or override; gaps explicit", permission: "schedules:read", params: scheduleParams, query: rangeQuery, response: list(shiftOutput) },
  createLayer: { method: "POST", path: "/api/v1/schedules/{scheduleId}/layers", tag: "Schedules", summary: "Add a rotation layer", permission: "schedules:manage", params: scheduleParams, body: layerInput, response: one(scheduleOutput), status: 201 },
  updateLayer: { method: "PATCH", path: "/api/v1/schedules/{scheduleId}/layers/{layerId}", tag: "Schedules", summary: "Edit a layer: it holds from `effectiveFrom` (default now, at most a year ahead), earlier shifts keep who held them; open swap requests it moves are flagged", permission: "schedules:manage", params: layerParams, body: layerInput, response: one(scheduleOutput) },
  deleteLayer: { method: "DELETE", path: "/api/v1/schedules/{scheduleId}/layers/{layerId}", tag: "Schedules", summary: "Delete a layer: gone from now on; one that had started keeps its past shifts (retired)", permission: "schedules:manage", params: layerParams, status: 204 },
  createOverride: { method: "POST", path: "/api/v1/schedules/{scheduleId}/overrides", tag: "Schedules", summary: "Put someone on call for an interval", permission: "schedules:manage", params: scheduleParams, body: overrideInput, response: one(overrideOutput), status: 201 },
  deleteOverride: { method: "DELETE", path: "/api/v1/schedules/{scheduleId}/overrides/{overrideId}", tag: "Schedules", summary: "Remove an override", permission: "schedules:manage", params: overrideParams, status: 204 },
  previewFill: { method: "POST", path: "/api/v1/schedules/{scheduleId}/layers/{layerId}/fill/preview", tag: "Fairness", summary: "The generator's fair proposal for the next N weeks, diffed against the plain rotation and against who holds each shift now (`scheduled`, `moves`)", permission: "schedules:manage", params: layerParams, body: generationInput.pick({ weeks: true }) },
  publishFill: { method: "POST", path: "/api/v1/schedules/{scheduleId}/layers/{layerId}/fill/publish", tag: "Fairness", summary: "Publish a previewed plan (refused with 409 if the layer changed since)", permission: "schedules:manage", params: layerParams, body: publishGenerationInput.omit({ scheduleId: true, layerId: true }) },
  fairnessReport: { method: "GET", path: "/api/v1/teams/{teamId}/fairness", tag: "Fairness", summary: "Per person on-call hours, weighted burden, pages, ledger and normalised burden; the team's gap and balance", permission: "schedules:read", params: z.object({ teamId: idSchema }), query: z.object({ from: instantTextSchema(), to: instantTextSchema() }) },
  whoIsOnCall: { method: "GET", path: "/api/v1/oncall", tag: "Schedules", summary: "Who holds each schedule at `at` (default now)", permission: "schedules:read", query: z.object({ at: instantTextSchema().optional() }), response: list(onCallOutput) },
  listTimeOff: { method: "GET", path: "/api/v1/time-off", tag: "Time off", summary: "Upcoming time off (your own; managers everyone's)", permission: "schedules:read", query: z.object({ from: isoDateSchema.optional(), userId: idSchema.optional() }), response: list(timeOffOutput.extend({ name: z.string() })) },
  createTimeOff: { method: "POST", path: "/api/v1/time-off", tag: "Time off", summary: "Record time off (your own; managers anyone's)", permission: "swaps:request", body: timeOffInput, response: one(timeOffOutput), status: 201 },
  deleteTimeOff: { method: "DELETE", path: "/api/v1/time-off/{timeOffId}", tag: "Time off", summary: "Remove time off", permission: "swaps:request", params: z.object({ timeOffId: idSchema }), status: 204 },
  listSwapRequests: { method: "GET", path: "/api/v1/swap-requests", tag: "Swap requests", summary: "Requests you are part of (managers: all)", permission: "swaps:request", query: z.object({ scheduleId: idSchema.optional(), open: z.enum(["true", "false"]).optional() }), response: list(swapRequestOutput) },
  createSwapRequest: { method: "POST", path: "/api/v1/swap-requests", tag: "Swap requests", summary: "Ask a colleague to swap or cover a shift, or offer it to the team (a shift under way: the part from now; over, or more than a year ahead: 400 naming the index). A manager may ask on someone's behalf (`onBehalfOf`): the notices name both, and that person is told", permission: "swaps:request", body: createSwapRequestInput, response: one(swapRequestOutput), status: 201 },
  acceptSwapRequest: transition("accept", "Accept (the first acceptance of an open offer wins; 409 for the others, and for a flagged request). Whether a manager must approve is the team's rule at this moment; without it the change takes effect from now"),
  declineSwapRequest: transition("decline", "Decline a request addressed to you"),
  approveSwapRequest: transition("approve", "Approve an accepted request: writes the overrides from now on (the past is not rewritten; nothing of the shift left, or flagged: 409)"),
  rejectSwapRequest: transition("reject", "Reject an accepted request (the way to close a flagged one)"),
  cancelSwapRequest: transition("cancel", "Withdraw your request before it changes the schedule (pending, or accepted and waiting for approval); the colleague asked is told by email, with the note"),
  revertSwapRequest: transition("revert", "Undo an approved swap"),
} as const satisfies Record<string, ApiContract>;
