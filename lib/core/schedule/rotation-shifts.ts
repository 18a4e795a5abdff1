import { epochDayOfIsoDate, weekdayOfEpochDay } from "../time/civil-date";
import { minuteOfDayOfLocalTime } from "../time/local-time";
import { zoneOffsetTable, type EpochMs } from "../time/zone-offsets";
import { instantOfWallMs } from "../time/zoned-time";
import type { RotationLayer, RotationShift, ShiftLength } from "./types";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const UNIT_MS: Record<ShiftLength["unit"], number> = { hours: HOUR_MS, days: DAY_MS, weeks: 7 * DAY_MS };

// Wall-clock and elapsed time differ by at most a zone's offset change (a day, historically),
// so the estimate below is within a few steps of the answer.
const MAX_INDEX_CORRECTION = 64;

/** Who takes instance `index`: a published assignment, else the round-robin participant. */
export function assigneeOf(layer: RotationLayer, index: number): string {
  return layer.assignments?.get(index) ?? layer.participants[index % layer.participants.length]!;
}

/** Handoff k is at wall ms `firstWallMs + k × stepMs` in the schedule's zone. */
interface HandoffGrid {
  firstWallMs: number;
  stepMs: number;
}

// Layers are immutable values: their grid is computed once (onCallAt is called in tight loops).
const grids = new WeakMap<RotationLayer, HandoffGrid>();

function handoffGrid(layer: RotationLayer): HandoffGrid {
  let grid = grids.get(layer);
  if (!grid) {
    grid = computeHandoffGrid(layer);
    grids.set(layer, grid);
  }
  return grid;
}

function computeHandoffGrid(layer: RotationLayer): HandoffGrid {
  const { unit, count } = layer.shift;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Shift length must be a positive whole number, got ${count}`);
  let firstDay = epochDayOfIsoDate(layer.startDate);
  if (unit === "weeks" && layer.handoffWeekday !== undefined) {
    firstDay += (layer.handoffWeekday - weekdayOfEpochDay(firstDay) + 7) % 7;
  }
  const handoffMinute = minuteOfDayOfLocalTime(layer.handoffTime);
  if (handoffMinute >= 24 * 60) throw new RangeError(`Handoff time must be before 24:00, got ${layer.handoffTime}`);
  return { firstWallMs: firstDay * DAY_MS + handoffMinute * MINUTE_MS, stepMs: count * UNIT_MS[unit] };
}

function handoff(grid: HandoffGrid, timeZone: string, index: number): EpochMs {
  return instantOfWallMs(grid.firstWallMs + index * grid.stepMs, timeZone);
}

/** The instant of the layer's handoff number `index` (0 = the first). */
export function handoffAt(layer: RotationLayer, timeZone: string, index: number): EpochMs {
  return handoff(handoffGrid(layer), timeZone, index);
}

/** The index k with handoff(k) ≤ at < handoff(k+1), or -1 before the first handoff. */
function indexAt(grid: HandoffGrid, timeZone: string, at: EpochMs): number {
  const table = zoneOffsetTable(timeZone);
  const offset = table.offsetAt(at);
  let k = Math.floor((at + offset - grid.firstWallMs) / grid.stepMs);
  // Fast path: both handoffs a day or more inside the stretch of constant offset around `at`.
  const start = grid.firstWallMs + k * grid.stepMs - offset;
  if (k >= 0 && start - table.offsetSegmentStart(at) >= DAY_MS && table.offsetSegmentEnd(at) - (start + grid.stepMs) >= DAY_MS) return k;
  for (let i = 0; i < MAX_INDEX_CORRECTION && k >= 0 && handoff(grid, timeZone, k) > at; i++) k--;
  if (k < 0) {
    if (handoff(grid, timeZone, 0) > at) return -1;
    k = 0;
  }
  // Skips empty instances (two handoffs that fall in the same DST gap).
  for (let i = 0; i < MAX_INDEX_CORRECTION && handoff(grid, timeZone, k + 1) <= at; i++) k++;
  return k;
}

/** The number of the rotation instance holding `at` (-1 before the layer starts). */
export function rotationIndexAt(layer: RotationLayer, timeZone: string, at: EpochMs): number {
  return indexAt(handoffGrid(layer), timeZone, at);
}

/** Instance `index` of a layer, or null if it is empty (both handoffs in one DST gap) or the layer has nobody. */
export function rotationShiftByIndex(layer: RotationLayer, timeZone: string, index: number): RotationShift | null {
  if (layer.participants.length === 0 || index < 0 || !Number.isInteger(index)) return null;
  const grid = handoffGrid(layer);
  const start = handoff(grid, timeZone, index);
  const end = handoff(grid, timeZone, index + 1);
  if (end <= start) return null;
  return { layerId: layer.id, index, userId: assigneeOf(layer, index), start, end };
}

/**
 * The layer's rotation instances overlapping [from, to), whole (not clipped), in order,
 * ignoring restrictions and overrides. Swap requests anchor to these by (layerId, index).
 */
export function rotationShiftsBetween(layer: RotationLayer, timeZone: string, from: EpochMs, to: EpochMs): RotationShift[] {
  const shifts: RotationShift[] = [];
  if (layer.participants.length === 0 || to <= from) return shifts;
  const grid = handoffGrid(layer);
  let index = Math.max(0, indexAt(grid, timeZone, from));
  let start = handoff(grid, timeZone, index);
  // Each step advances at least one wall-clock step; DST can add one empty instance per change.
  const cap = 2 * Math.ceil((to - from) / grid.stepMs) + 8;
  for (let i = 0; start < to; i++, index++) {
    if (i > cap) throw new Error(`rotationShiftsBetween: no end after ${cap} instances of layer ${layer.id}`);
    const end = handoff(grid, timeZone, index + 1);
    if (end > start && end > from) {
      shifts.push({ layerId: layer.id, index, userId: assigneeOf(layer, index), start, end });
    }
    start = end;
  }
  return shifts;
}
