import type { EpochMs } from "../time/zone-offsets";
import { layersByPrecedence } from "./layer-order";
import { isInsideRestrictions } from "./restriction-windows";
import { assigneeOf, rotationIndexAt } from "./rotation-shifts";
import type { OnCall, Schedule } from "./types";

/** Who holds the schedule at one instant: the same answer as the `shiftsBetween` piece containing it. */
export function onCallAt(schedule: Schedule, at: EpochMs): OnCall {
  let onCall: OnCall = { userId: null, origin: "gap", layerId: null, conflicts: [] };
  for (const layer of layersByPrecedence(schedule.layers)) {
    if (layer.participants.length === 0) continue;
    if ((layer.activeFrom !== undefined && at < layer.activeFrom) || (layer.activeUntil !== undefined && at >= layer.activeUntil)) continue;
    const zone = layer.timeZone ?? schedule.timeZone;
    if (layer.restrictions && layer.restrictions.length > 0 && !isInsideRestrictions(layer.restrictions, zone, at)) continue;
    const index = rotationIndexAt(layer, zone, at);
    if (index < 0) continue;
    onCall = { userId: assigneeOf(layer, index), origin: "rotation", layerId: layer.id, conflicts: [] };
    break;
  }
  for (const override of schedule.overrides ?? []) {
    if (override.start > at || override.end <= at) continue;
    if (override.replacesUserId !== undefined && override.replacesUserId !== onCall.userId) continue;
    onCall = { userId: override.userId, origin: override.origin, layerId: null, overrideId: override.id, conflicts: [] };
  }
  const userId = onCall.userId;
  if (userId !== null && (schedule.timeOff ?? []).some((off) => off.userId === userId && off.start <= at && at < off.end)) {
    onCall.conflicts = ["time_off"];
  }
  return onCall;
}
