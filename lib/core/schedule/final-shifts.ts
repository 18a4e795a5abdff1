import type { EpochMs } from "../time/zone-offsets";
import type { Interval } from "../time/zoned-time";
import { outsidePeriods } from "./inactive-periods";
import { layersByPrecedence } from "./layer-order";
import { restrictionIntervalsBetween } from "./restriction-windows";
import { rotationShiftsBetween } from "./rotation-shifts";
import type { FinalShift, RotationLayer, Schedule, ScheduleOverride, ShiftOrigin, TimeOffInterval } from "./types";

interface LayerPiece {
  start: EpochMs;
  end: EpochMs;
  userId: string;
}

/** The layer's rotation clipped to [from, to), to when it is active and to its restriction windows, in order (inactive people's turns cut out). */
function layerPieces(layer: RotationLayer, timeZone: string, rangeFrom: EpochMs, rangeTo: EpochMs, inactive?: Schedule["inactive"]): LayerPiece[] {
  const pieces: LayerPiece[] = [];
  const from = Math.max(rangeFrom, layer.activeFrom ?? -Infinity);
  const to = Math.min(rangeTo, layer.activeUntil ?? Infinity);
  if (to <= from) return pieces;
  const shifts = rotationShiftsBetween(layer, timeZone, from, to);
  const windows: Interval[] =
    layer.restrictions && layer.restrictions.length > 0
      ? restrictionIntervalsBetween(layer.restrictions, timeZone, from, to)
      : [{ start: from, end: to }];
  // Both lists are sorted and disjoint: intersect them with two cursors.
  let w = 0;
  for (const shift of shifts) {
    for (const part of outsidePeriods(shift.start, shift.end, inactive?.get(shift.userId))) {
      while (w < windows.length && windows[w]!.end <= part.start) w++;
      for (let v = w; v < windows.length && windows[v]!.start < part.end; v++) {
        const start = Math.max(part.start, windows[v]!.start, from);
        const end = Math.min(part.end, windows[v]!.end, to);
        if (end > start) pieces.push({ start, end, userId: shift.userId });
      }
    }
  }
  return pieces;
}

/** The overrides as they hold: an inactive person's cut out of their inactive periods (void where wholly inside). */
function activeOverrides(schedule: Schedule): readonly ScheduleOverride[] {
  const inactive = schedule.inactive;
  const overrides = schedule.overrides ?? [];
  if (!inactive || inactive.size === 0) return overrides;
  return overrides.flatMap((o) => {
    const periods = inactive.get(o.userId);
    if (!periods) return [o];
    return outsidePeriods(o.start, o.end, periods).map((part) => ({ ...o, start: part.start, end: part.end }));
  });
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
 * overrides replace the result, and anything left is an explicit gap (userId null). Inactive
 * people hold nothing in their `inactive` periods: their turns leave room for lower layers,
 * their overrides are void there.
 * A piece whose person is on time off is cut at the time-off boundaries and flagged
 * `conflicts: ["time_off"]` (shown, not reassigned). Adjacent pieces with the same person,
 * origin, layer, override and conflicts are merged.
 */
export function shiftsBetween(schedule: Schedule, from: EpochMs, to: EpochMs): FinalShift[] {
  if (to <= from) return [];
  const layers = layersByPrecedence(schedule.layers).map((layer) => ({
    id: layer.id,
    pieces: layerPieces(layer, layer.timeZone ?? schedule.timeZone, from, to, schedule.inactive),
    cursor: 0,
  }));
  const overrides = activeOverrides(schedule).filter((o) => o.end > from && o.start < to && o.end > o.start);
  const timeOff = timeOffByUser(schedule.timeOff ?? [], from, to);

  // Every instant where the answer may change, sorted and deduplicated.
  const raw: number[] = [from, to];
  for (const layer of layers) for (const piece of layer.pieces) raw.push(piece.start, piece.end);
  for (const override of overrides) raw.push(Math.max(from, override.start), Math.min(to, override.end));
  for (const list of timeOff.values()) for (const off of list) raw.push(Math.max(from, off.start), Math.min(to, off.end));
  const sorted = Float64Array.from(raw).sort();

  // Overrides enter a small active list (kept in their given order) as the sweep reaches their start and leave it at their end.
  const byStart = overrides.map((override, order) => ({ override, order, start: override.start })).sort((x, y) => x.start - y.start || x.order - y.order);
  const active: { override: ScheduleOverride; order: number }[] = [];
  let nextOverride = 0;

  const shifts: FinalShift[] = [];
  let last: FinalShift | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end === start) continue;

    // The highest layer with someone on this segment…
    let userId: string | null = null;
    let layerId: string | null = null;
    for (const layer of layers) {
      while (layer.cursor < layer.pieces.length && layer.pieces[layer.cursor]!.end <= start) layer.cursor++;
      const piece = layer.pieces[layer.cursor];
      if (piece && piece.start <= start) {
        userId = piece.userId;
        layerId = layer.id;
        break;
      }
    }
    // …then the overrides holding this segment, in their order, later ones winning.
    while (nextOverride < byStart.length && byStart[nextOverride]!.start <= start) {
      const entering = byStart[nextOverride++]!;
      let at = active.length;
      while (at > 0 && active[at - 1]!.order > entering.order) at--;
      active.splice(at, 0, entering);
    }
    let override: ScheduleOverride | undefined;
    for (let a = 0; a < active.length; a++) {
      const candidate = active[a]!.override;
      if (candidate.end <= start) {
        active.splice(a--, 1);
        continue;
      }
      if (candidate.replacesUserId !== undefined && candidate.replacesUserId !== userId) continue;
      override = candidate;
      userId = candidate.userId;
    }
    const origin: ShiftOrigin = override ? override.origin : userId === null ? "gap" : "rotation";
    if (override) layerId = null;
    const offList = userId === null ? undefined : timeOff.get(userId);
    const onTimeOff = offList !== undefined && offList.some((off) => off.start <= start && start < off.end);

    if (
      last &&
      last.end === start &&
      last.userId === userId &&
      last.origin === origin &&
      last.layerId === layerId &&
      last.overrideId === override?.id &&
      (last.conflicts.length > 0) === onTimeOff
    ) {
      last.end = end;
    } else {
      last = { userId, start, end, origin, layerId, conflicts: onTimeOff ? ["time_off"] : [] };
      if (override) last.overrideId = override.id;
      shifts.push(last);
    }
  }
  return shifts;
}
