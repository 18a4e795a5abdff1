import type { EpochMs } from "../time/zone-offsets";
import type { InactivePeriod, Schedule } from "./types";

/** Whether `userId` could not be paged at `at` (inside one of their inactive periods). */
export function isInactiveAt(schedule: Pick<Schedule, "inactive">, userId: string, at: EpochMs): boolean {
  const periods = schedule.inactive?.get(userId);
  if (!periods) return false;
  for (const p of periods) if (p.start <= at && at < p.end) return true;
  return false;
}

/** The parts of [start, end) outside `periods` (sorted, disjoint), in order. */
export function outsidePeriods(start: EpochMs, end: EpochMs, periods: readonly InactivePeriod[] | undefined): { start: EpochMs; end: EpochMs }[] {
  if (!periods || periods.length === 0) return end > start ? [{ start, end }] : [];
  const parts: { start: EpochMs; end: EpochMs }[] = [];
  let from = start;
  for (const p of periods) {
    if (p.end <= from) continue;
    if (p.start >= end) break;
    if (p.start > from) parts.push({ start: from, end: p.start });
    from = Math.max(from, p.end);
    if (from >= end) break;
  }
  if (from < end) parts.push({ start: from, end });
  return parts;
}
