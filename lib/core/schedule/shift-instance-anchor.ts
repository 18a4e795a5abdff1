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

/**
 * Instance `index` of a layer as `userId` holds it. A layer edited at some instant is several
 * versions (same id), each active in its own window, so an edit — past or planned — can split an
 * instance where it takes effect, with someone else on each side. The instance is then the part
 * `userId` holds (the contiguous parts joined: the same holder on both sides keeps the whole);
 * when they hold none of it, its first part, so the caller sees whose it is. Null when no
 * version has the instance inside its window.
 */
export function layerShiftByIndex(schedule: Schedule, layerId: string, index: number, userId?: string | null): RotationShift | null {
  const parts: RotationShift[] = [];
  for (const version of schedule.layers) {
    if (version.id !== layerId) continue;
    const shift = rotationShiftByIndex(version, version.timeZone ?? schedule.timeZone, index);
    if (!shift) continue;
    const start = Math.max(shift.start, version.activeFrom ?? -Infinity);
    const end = Math.min(shift.end, version.activeUntil ?? Infinity);
    if (end > start) parts.push({ ...shift, start, end });
  }
  parts.sort((a, b) => a.start - b.start);
  const first = userId != null ? parts.findIndex((p) => p.userId === userId) : -1;
  if (first < 0) return parts[0] ?? null;
  let held = parts[first]!;
  for (const next of parts.slice(first + 1)) {
    if (next.userId !== userId || next.start !== held.end) break;
    held = { ...held, end: next.end };
  }
  return held;
}

/** Whether the instance a request is anchored to is still what it was (requests are flagged, never moved). */
export function checkShiftInstanceAnchor(schedule: Schedule, anchor: ShiftInstanceAnchor): AnchorCheck {
  const current = layerShiftByIndex(schedule, anchor.layerId, anchor.index, anchor.userId);
  if (!current) return { status: "missing", current: null };
  const same = current.userId === anchor.userId && current.start === anchor.start && current.end === anchor.end;
  return same ? { status: "unchanged", current } : { status: "changed", current };
}

/**
 * Whether a shift offered in exchange still holds the part asked for: the same person's instance,
 * ending where it did and starting no later than the part (a part stored from the moment of asking,
 * when the instance had begun, starts after the instance).
 */
export function exchangedShiftHolds(schedule: Schedule, part: ShiftInstanceAnchor): boolean {
  const current = layerShiftByIndex(schedule, part.layerId, part.index, part.userId);
  return current !== null && current.userId === part.userId && current.end === part.end && current.start <= part.start;
}
