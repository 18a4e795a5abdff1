import { rotationShiftsBetween } from "../schedule/rotation-shifts";
import type { RotationLayer } from "../schedule/types";
import { epochDayOfIsoDate, type IsoWeekday } from "../time/civil-date";
import type { EpochMs } from "../time/zone-offsets";
import { instantOfWallMs, localDatesInterval, wallMsAt, type Interval } from "../time/zoned-time";
import { DEFAULT_BURDEN_WEIGHTS, shiftBurden, type BurdenWeights, type HolidaySet, type ShiftBurden } from "./burden";
import type { FairnessScenario, ScenarioMember } from "./scenario";

const DAY_MS = 86_400_000;

/** One shift of the horizon to fill, decided at `decisionAt` (its start minus the notice). */
export interface Slot {
  index: number;
  start: EpochMs;
  end: EpochMs;
  decisionAt: EpochMs;
}

export interface Horizon {
  timeZone: string;
  /** The first instant of the start date in the schedule's zone. */
  start: EpochMs;
  /** The first instant after the last day (start + 7 × weeks days). */
  end: EpochMs;
  days: number;
  slots: Slot[];
}

/** The scenario's shift pattern as a rotation layer, so slots come from the schedule engine's handoffs. */
function scenarioLayer(scenario: FairnessScenario): RotationLayer {
  const shift = scenario.shift;
  return shift.kind === "weekly"
    ? { id: "scenario", participants: ["slot"], shift: { unit: "weeks", count: 1 }, handoffWeekday: shift.handoffWeekday as IsoWeekday, handoffTime: shift.handoffTime, startDate: scenario.start }
    : { id: "scenario", participants: ["slot"], shift: { unit: "days", count: 1 }, handoffTime: shift.handoffTime, startDate: scenario.start };
}

/**
 * The horizon's slots: from the first handoff on or after the start date, one per handoff that
 * begins before the horizon ends. Decisions are taken `noticeDays` calendar days (in the
 * schedule's zone) before each slot starts.
 */
export function scenarioHorizon(scenario: FairnessScenario): Horizon {
  const days = scenario.weeks * 7;
  const firstDay = epochDayOfIsoDate(scenario.start);
  const start = instantOfWallMs(firstDay * DAY_MS, scenario.timeZone);
  const end = instantOfWallMs((firstDay + days) * DAY_MS, scenario.timeZone);
  const slots = rotationShiftsBetween(scenarioLayer(scenario), scenario.timeZone, start, end)
    .filter((shift) => shift.start >= start && shift.start < end)
    .map((shift, index) => ({
      index,
      start: shift.start,
      end: shift.end,
      decisionAt: instantOfWallMs(wallMsAt(shift.start, scenario.timeZone) - scenario.noticeDays * DAY_MS, scenario.timeZone),
    }));
  return { timeZone: scenario.timeZone, start, end, days, slots };
}

export interface MemberAvailability {
  id: string;
  timeZone: string;
  /** Time off as merged, sorted intervals of instants (inclusive local dates in the member's zone). */
  timeOff: Interval[];
  /** Horizon days not in their time off. */
  availableDays: number;
  /** Members with fewer than `minAvailableDays` available days are left out of the comparison. */
  compared: boolean;
}

export function memberAvailability(
  member: ScenarioMember,
  scenario: Pick<FairnessScenario, "start" | "weeks">,
  weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS,
): MemberAvailability {
  const firstDay = epochDayOfIsoDate(scenario.start);
  const days = scenario.weeks * 7;
  const offDays = new Set<number>();
  for (const range of member.timeOff) {
    const from = Math.max(epochDayOfIsoDate(range.from), firstDay);
    const to = Math.min(epochDayOfIsoDate(range.to), firstDay + days - 1);
    for (let day = from; day <= to; day++) offDays.add(day);
  }
  const intervals = member.timeOff
    .map((range) => localDatesInterval(range.from, range.to, member.timeZone))
    .sort((a, b) => a.start - b.start);
  const timeOff: Interval[] = [];
  for (const interval of intervals) {
    const last = timeOff[timeOff.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else timeOff.push({ ...interval });
  }
  const availableDays = days - offDays.size;
  return { id: member.id, timeZone: member.timeZone, timeOff, availableDays, compared: availableDays >= weights.minAvailableDays };
}

/**
 * The end of the rest owed after an arduous shift ending at `end`: shifts starting in
 * [end, restEnd) may not go to that member (by decisions taken after `end`). "7 days" is 7 × 24 h,
 * or 7 calendar days in the schedule's zone where a DST change makes that longer (167/169 h),
 * so the rule holds whichever way the days are counted.
 */
export function restEndAfter(end: EpochMs, timeZone: string, weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS): EpochMs {
  const restMs = weights.restDaysAfterArduous * DAY_MS;
  return Math.max(end + restMs, instantOfWallMs(wallMsAt(end, timeZone) + restMs, timeZone));
}

/**
 * Each held shift's burden for its holder (weighted hours and pages in the holder's zone) and,
 * where its sleep-band pages made it arduous, the end of the rest it owes (else null). Shifts
 * nobody holds are skipped. `pageTimes` sorted ascending.
 */
export function heldShiftBurdens<T extends { userId: string | null; start: EpochMs; end: EpochMs }>(
  shifts: readonly T[],
  opts: { zoneOf: (userId: string) => string; scheduleZone: string; holidays: HolidaySet; pageTimes: readonly EpochMs[]; weights?: BurdenWeights },
): { shift: T & { userId: string }; burden: ShiftBurden; restEnd: EpochMs | null }[] {
  const weights = opts.weights ?? DEFAULT_BURDEN_WEIGHTS;
  return shifts.flatMap((shift) => {
    if (!shift.userId) return [];
    const burden = shiftBurden(shift.start, shift.end, opts.zoneOf(shift.userId), opts.holidays, opts.pageTimes, weights);
    return [{ shift: shift as T & { userId: string }, burden, restEnd: burden.arduous ? restEndAfter(shift.end, opts.scheduleZone, weights) : null }];
  });
}

/** True if [start, end) touches any of the member's time-off dates. */
export function overlapsTimeOff(availability: MemberAvailability, start: EpochMs, end: EpochMs): boolean {
  return availability.timeOff.some((off) => off.start < end && off.end > start);
}
