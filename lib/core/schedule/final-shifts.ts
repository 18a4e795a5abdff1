import type { EpochMs } from "../time/zone-offsets";
import type { Interval } from "../time/zoned-time";
import { layersByPrecedence } from "./layer-order";
import { restrictionIntervalsBetween } from "./restriction-windows";
import { rotationShiftsBetween } from "./rotation-shifts";
import type { FinalShift, RotationLayer, Schedule, ScheduleOverride, ShiftConflict, TimeOffInterval } from "./types";

interface LayerPiece {
  start: EpochMs;
  end: EpochMs;
  userId: string;
}

/** The layer's rotation clipped to [from, to) and to its restriction windows, in order. */
function layerPieces(layer: RotationLayer, timeZone: string, from: EpochMs, to: EpochMs): LayerPiece[] {
  const pieces: LayerPiece[] = [];
  const shifts = rotationShiftsBetween(layer, timeZone, from, to);
  const windows: Interval[] =
    layer.restrictions && layer.restrictions.length > 0
      ? restrictionIntervalsBetween(layer.restrictions, timeZone, from, to)
      : [{ start: from, end: to }];
  // Both lists are sorted and disjoint: intersect them with two cursors.
  let w = 0;
  for (const shift of shifts) {
    while (w < windows.length && windows[w]!.end <= shift.start) w++;
    for (let v = w; v < windows.length && windows[v]!.start < shift.end; v++) {
      const start = Math.max(shift.start, windows[v]!.start, from);
      const end = Math.min(shift.end, windows[v]!.end, to);
      if (end > start) pieces.push({ start, end, userId: shift.userId });
    }
  }
  return pieces;
}

/** Who the layers and overrides put on one elementary segment (no boundary inside it). */
function holderOf(
  segmentStart: EpochMs,
  layers: { id: string; pieces: LayerPiece[]; cursor: number }[],
  overrides: readonly ScheduleOverride[],
): Omit<FinalShift, "start" | "end" | "conflicts"> {
  let holder: Omit<FinalShift, "start" | "end" | "conflicts"> = { userId: null, origin: "gap", layerId: null };
  for (const layer of layers) {
    while (layer.cursor < layer.pieces.length && layer.pieces[layer.cursor]!.end <= segmentStart) layer.cursor++;
    const piece = layer.pieces[layer.cursor];
    if (piece && piece.start <= segmentStart) {
      holder = { userId: piece.userId, origin: "rotation", layerId: layer.id };
      break;
    }
  }
  for (const override of overrides) {
    if (override.start > segmentStart || override.end <= segmentStart) continue;
    if (override.replacesUserId !== undefined && override.replacesUserId !== holder.userId) continue;
    holder = { userId: override.userId, origin: override.origin, layerId: null, overrideId: override.id };
  }
  return holder;
}

function timeOffByUser(timeOff: readonly TimeOffInterval[], from: EpochMs, to: EpochMs): Map<string, TimeOffInterval[]> {
  const byUser = new Map<string, TimeOffInterval[]>();
  for (const off of timeOff) {
    if (off.end <= from || off.start >= to) continue;
    const list = byUser.get(off.userId) ?? [];
    list.push(off);
    byUser.set(off.userId, list);
  }
  return byUser;
}

/**
 * The final schedule over [from, to): who is on call, piece by piece, clipped to the range.
 * Higher layers win where they have someone, restrictions leave room for lower layers,
 * overrides replace the result, and anything left is an explicit gap (userId null).
 * A piece whose person is on time off is cut at the time-off boundaries and flagged
 * `conflicts: ["time_off"]` (shown, not reassigned). Adjacent pieces with the same person,
 * origin, layer, override and conflicts are merged.
 */
export function shiftsBetween(schedule: Schedule, from: EpochMs, to: EpochMs): FinalShift[] {
  if (to <= from) return [];
  const layers = layersByPrecedence(schedule.layers).map((layer) => ({
    id: layer.id,
    pieces: layerPieces(layer, schedule.timeZone, from, to),
    cursor: 0,
  }));
  const overrides = (schedule.overrides ?? []).filter((o) => o.end > from && o.start < to && o.end > o.start);

  const boundaries = new Set<EpochMs>([from, to]);
  for (const layer of layers) for (const piece of layer.pieces) boundaries.add(piece.start).add(piece.end);
  for (const override of overrides) boundaries.add(Math.max(from, override.start)).add(Math.min(to, override.end));
  const timeOff = timeOffByUser(schedule.timeOff ?? [], from, to);
  for (const list of timeOff.values()) for (const off of list) boundaries.add(Math.max(from, off.start)).add(Math.min(to, off.end));
  const points = [...boundaries].sort((a, b) => a - b);

  const shifts: FinalShift[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const holder = holderOf(start, layers, overrides);
    const onTimeOff = holder.userId !== null && (timeOff.get(holder.userId) ?? []).some((off) => off.start <= start && start < off.end);
    const conflicts: ShiftConflict[] = onTimeOff ? ["time_off"] : [];
    const last = shifts[shifts.length - 1];
    if (
      last &&
      last.end === start &&
      last.userId === holder.userId &&
      last.origin === holder.origin &&
      last.layerId === holder.layerId &&
      last.overrideId === holder.overrideId &&
      last.conflicts.length === conflicts.length
    ) {
      last.end = end;
    } else {
      shifts.push({ ...holder, start, end, conflicts });
    }
  }
  return shifts;
}
