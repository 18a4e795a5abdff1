import type { EpochMs } from "../time/zone-offsets";
import { epochMsOfIsoInstant } from "../time/zoned-time";
import { DEFAULT_BURDEN_WEIGHTS, holidaySet, shiftBurden, type BurdenWeights, type ShiftBurden } from "./burden";
import { memberAvailability, overlapsTimeOff, restEndAfter, scenarioHorizon, type Horizon, type MemberAvailability } from "./horizon";
import type { FairnessScenario } from "./scenario";

/** Who holds each slot of the horizon, by slot index (null: nobody). */
export type Assignment = readonly (string | null)[];

export interface MemberReport {
  id: string;
  timeZone: string;
  shifts: number;
  hours: number;
  hourBurden: number;
  pages: number;
  sleepBandPages: number;
  pageBurden: number;
  arduousShifts: number;
  /** hourBurden + pageBurden over the horizon. */
  burden: number;
  carriedBurden: number;
  availableDays: number;
  /** carriedBurden + burden × horizonDays / availableDays. */
  normalisedBurden: number;
  /** False for members with too few available days: they are left out of gap and balance. */
  compared: boolean;
}

export type BreakKind = "coverage" | "time_off" | "consecutive" | "rest";

export interface FairnessBreak {
  kind: BreakKind;
  slotIndex: number;
  member: string | null;
}

export interface FairnessReport {
  members: MemberReport[];
  /** Mean burden of one shift over the slots that have someone. */
  meanShiftBurden: number;
  /** (max − min normalised burden) ÷ mean shift burden, over compared members. */
  gap: number;
  /** Mean over all pairs of compared members of min/max normalised burden. */
  balance: number;
  breaks: FairnessBreak[];
  /** The burden each slot put on its holder (null where nobody holds it). */
  slotBurdens: (ShiftBurden | null)[];
}

/** Sorted page instants of a scenario. */
export function scenarioPageTimes(scenario: FairnessScenario): EpochMs[] {
  return scenario.pages.map((p) => epochMsOfIsoInstant(p.at)).sort((a, b) => a - b);
}

/** Gap and balance of a set of normalised burdens (README definitions). */
export function gapAndBalance(normalised: readonly number[], meanShiftBurden: number): { gap: number; balance: number } {
  if (normalised.length < 2) return { gap: 0, balance: 1 };
  const max = Math.max(...normalised);
  const min = Math.min(...normalised);
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < normalised.length; i++) {
    for (let j = i + 1; j < normalised.length; j++) {
      const a = normalised[i]!;
      const b = normalised[j]!;
      const hi = Math.max(a, b);
      sum += hi <= 0 ? 1 : Math.min(a, b) / hi;
      pairs++;
    }
  }
  return { gap: meanShiftBurden > 0 ? (max - min) / meanShiftBurden : 0, balance: sum / pairs };
}

/**
 * Replays the scenario's pages onto an assignment and measures it: each member's burden and
 * normalised burden, the gap, the balance, and every break of the rules (a slot without exactly
 * one member, on call during time off, the same member in consecutive slots, rest after an
 * arduous shift denied by a decision taken after it ended).
 */
export function evaluateAssignment(
  scenario: FairnessScenario,
  assignment: Assignment,
  options: { weights?: BurdenWeights; horizon?: Horizon; pageTimes?: readonly EpochMs[] } = {},
): FairnessReport {
  const weights = options.weights ?? DEFAULT_BURDEN_WEIGHTS;
  const horizon = options.horizon ?? scenarioHorizon(scenario);
  const pageTimes = options.pageTimes ?? scenarioPageTimes(scenario);
  const holidays = holidaySet(scenario.holidays);
  const availability = new Map<string, MemberAvailability>(scenario.members.map((m) => [m.id, memberAvailability(m, scenario, weights)]));
  const reports = new Map<string, MemberReport>(
    scenario.members.map((m) => {
      const a = availability.get(m.id)!;
      return [
        m.id,
        { id: m.id, timeZone: m.timeZone, shifts: 0, hours: 0, hourBurden: 0, pages: 0, sleepBandPages: 0, pageBurden: 0, arduousShifts: 0, burden: 0, carriedBurden: m.carriedBurden, availableDays: a.availableDays, normalisedBurden: 0, compared: a.compared },
      ];
    }),
  );
  const breaks: FairnessBreak[] = [];
  const slotBurdens: (ShiftBurden | null)[] = [];
  const arduousEnds = new Map<string, EpochMs[]>();

  for (const slot of horizon.slots) {
    const member = assignment[slot.index] ?? null;
    const report = member === null ? undefined : reports.get(member);
    if (!report) {
      breaks.push({ kind: "coverage", slotIndex: slot.index, member });
      slotBurdens.push(null);
      continue;
    }
    const burden = shiftBurden(slot.start, slot.end, report.timeZone, holidays, pageTimes, weights);
    slotBurdens.push(burden);
    report.shifts++;
    report.hours += burden.hours;
    report.hourBurden += burden.hourBurden;
    report.pages += burden.pages;
    report.sleepBandPages += burden.sleepBandPages;
    report.pageBurden += burden.pageBurden;
    report.burden += burden.total;

    if (overlapsTimeOff(availability.get(report.id)!, slot.start, slot.end)) breaks.push({ kind: "time_off", slotIndex: slot.index, member: report.id });
    if (slot.index > 0 && assignment[slot.index - 1] === report.id) breaks.push({ kind: "consecutive", slotIndex: slot.index, member: report.id });
    const ends = arduousEnds.get(report.id) ?? [];
    if (ends.some((end) => slot.start >= end && slot.start < restEndAfter(end, horizon.timeZone, weights) && slot.decisionAt >= end)) {
      breaks.push({ kind: "rest", slotIndex: slot.index, member: report.id });
    }
    if (burden.arduous) {
      report.arduousShifts++;
      arduousEnds.set(report.id, [...ends, slot.end]);
    }
  }

  for (const report of reports.values()) {
    report.normalisedBurden = report.carriedBurden + (report.availableDays > 0 ? (report.burden * horizon.days) / report.availableDays : 0);
  }
  const held = slotBurdens.filter((b): b is ShiftBurden => b !== null);
  const meanShiftBurden = held.length > 0 ? held.reduce((sum, b) => sum + b.total, 0) / held.length : 0;
  const members = [...reports.values()];
  const { gap, balance } = gapAndBalance(members.filter((m) => m.compared).map((m) => m.normalisedBurden), meanShiftBurden);
  return { members, meanShiftBurden, gap, balance, breaks, slotBurdens };
}
