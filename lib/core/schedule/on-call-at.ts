import { DAY_MS } from "../time/local-time";
import type { EpochMs } from "../time/zone-offsets";
import { isInactiveAt } from "./inactive-periods";
import { layersByPrecedence } from "./layer-order";
import { isInsideRestrictions } from "./restriction-windows";
import { assigneeOf, rotationIndexAt } from "./rotation-shifts";
import type { OnCall, Schedule, ScheduleOverride } from "./types";

// Overrides are immutable values: index each list once by the UTC days it touches, in its given
// order, so a lookup reads the one or two overrides of that day rather than the whole list.
const overridesByDay = new WeakMap<readonly ScheduleOverride[], Map<number, ScheduleOverride[]> | null>();
// An override longer than this is not listed day by day: a list holding one is scanned whole.
const MAX_INDEXED_DAYS = 366;

function dayIndex(overrides: readonly ScheduleOverride[]): Map<number, ScheduleOverride[]> | null {
  const index = new Map<number, ScheduleOverride[]>();
  for (const override of overrides) {
    if (!(override.end > override.start)) continue;
    const first = Math.floor(override.start / DAY_MS);
    const last = Math.floor((override.end - 1) / DAY_MS);
    if (last - first > MAX_INDEXED_DAYS) return null;
    for (let day = first; day <= last; day++) {
      const list = index.get(day);
      if (list) list.push(override);
      else index.set(day, [override]);
    }
  }
  return index;
}

/** The overrides that may hold `at`, in their given order. */
function overridesNear(overrides: readonly ScheduleOverride[], at: EpochMs): readonly ScheduleOverride[] {
  let index = overridesByDay.get(overrides);
  if (index === undefined) {
    index = dayIndex(overrides);
    overridesByDay.set(overrides, index);
  }
  return index === null ? overrides : (index.get(Math.floor(at / DAY_MS)) ?? []);
}

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
    const assignee = assigneeOf(layer, index);
    if (schedule.inactive !== undefined && isInactiveAt(schedule, assignee, at)) continue;
    onCall = { userId: assignee, origin: "rotation", layerId: layer.id, conflicts: [] };
    break;
  }
  for (const override of schedule.overrides ? overridesNear(schedule.overrides, at) : []) {
    if (override.start > at || override.end <= at) continue;
    if (schedule.inactive !== undefined && isInactiveAt(schedule, override.userId, at)) continue;
    if (override.replacesUserId !== undefined && override.replacesUserId !== onCall.userId) continue;
    onCall = { userId: override.userId, origin: override.origin, layerId: null, overrideId: override.id, conflicts: [] };
  }
  const userId = onCall.userId;
  if (userId !== null && (schedule.timeOff ?? []).some((off) => off.userId === userId && off.start <= at && at < off.end)) {
    onCall.conflicts = ["time_off"];
  }
  return onCall;
}
