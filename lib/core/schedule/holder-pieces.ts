import type { EpochMs } from "../time/zone-offsets";
import type { FinalShift, ShiftConflict } from "./types";

/**
 * Final shifts as the person holding them lives them: adjacent pieces (one ends where the next
 * starts) with the same person, origin, layer and override are one shift, whatever their
 * conflicts. `shiftsBetween` cuts a shift at time-off boundaries so the calendar can show which
 * part conflicts; "my shifts", the iCal feeds and the next handoff want the whole shift, still
 * flagged: a merged piece's conflicts are the union of its parts'.
 *
 * Expects pieces in order (as `shiftsBetween` returns them); the input is left untouched.
 */
export function mergeHolderPieces(shifts: readonly FinalShift[]): FinalShift[] {
  const merged: FinalShift[] = [];
  let last: FinalShift | undefined;
  for (const s of shifts) {
    if (
      last &&
      last.end === s.start &&
      last.userId === s.userId &&
      last.origin === s.origin &&
      last.layerId === s.layerId &&
      last.overrideId === s.overrideId
    ) {
      last.end = s.end;
      last.conflicts = unionOf(last.conflicts, s.conflicts);
    } else {
      last = { ...s, conflicts: [...s.conflicts] };
      merged.push(last);
    }
  }
  return merged;
}

function unionOf(a: readonly ShiftConflict[], b: readonly ShiftConflict[]): ShiftConflict[] {
  const out = [...a];
  for (const c of b) if (!out.includes(c)) out.push(c);
  return out;
}

/**
 * The next handoff: the first instant after the first piece's start at which someone else holds
 * the schedule (another person, or nobody). Time off, a change of layer or origin with the same
 * person holding on, is not one. A hole between pieces counts as a change at its start.
 * Null when the same person holds to the end of the pieces (or there are none).
 */
export function nextHolderChange(shifts: readonly FinalShift[]): EpochMs | null {
  const first = shifts[0];
  if (!first) return null;
  let end = first.end;
  for (let i = 1; i < shifts.length; i++) {
    const s = shifts[i]!;
    if (s.start !== end || s.userId !== first.userId) return end;
    end = s.end;
  }
  return null;
}
