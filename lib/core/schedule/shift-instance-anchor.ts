import { rotationShiftByIndex } from "./rotation-shifts";
import type { RotationShift, Schedule } from "./types";

/**
 * What a swap or cover request stored about the shift instance it is about: the instance's
 * identity (layerId, index) and what it was when the request was made.
 */
export type ShiftInstanceAnchor = RotationShift;

export type AnchorCheck =
  | { status: "unchanged"; current: RotationShift }
  /** The rotation was edited: the instance now has another person or other times. Flag the request. */
  | { status: "changed"; current: RotationShift }
  /** The layer or the instance no longer exists. */
  | { status: "missing"; current: null };

/** Whether the instance a request is anchored to is still what it was (requests are flagged, never moved). */
export function checkShiftInstanceAnchor(schedule: Schedule, anchor: ShiftInstanceAnchor): AnchorCheck {
  const layer = schedule.layers.find((l) => l.id === anchor.layerId);
  const current = layer ? rotationShiftByIndex(layer, schedule.timeZone, anchor.index) : null;
  if (!current) return { status: "missing", current: null };
  const same = current.userId === anchor.userId && current.start === anchor.start && current.end === anchor.end;
  return same ? { status: "unchanged", current } : { status: "changed", current };
}
