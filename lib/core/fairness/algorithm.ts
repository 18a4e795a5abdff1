import type { EpochMs } from "../time/zone-offsets";
import type { BurdenWeights, HolidaySet } from "./burden";
import type { Horizon, MemberAvailability } from "./horizon";

/** A member as the schedulers see them: who, where, what they carry in, when they are away. */
export interface PlanningMember {
  id: string;
  timeZone: string;
  carriedBurden: number;
  /** Burden owed to (+) or by (−) the member from covers outside carriedBurden; the generator repays it. */
  ledgerBalance: number;
  availability: MemberAvailability;
}

/** What is known in advance about a horizon: its slots, the team, time off, holidays, weights. */
export interface SchedulingProblem {
  horizon: Horizon;
  /** In the listed order (fixed rotation and tie-breaks follow it). */
  members: readonly PlanningMember[];
  holidays: HolidaySet;
  weights: BurdenWeights;
}

/** What is known when slot `slotIndex` is decided: earlier decisions and the pages before `decisionAt`. */
export interface DecisionState {
  slotIndex: number;
  decisionAt: EpochMs;
  /** Who holds slots 0 … slotIndex − 1. */
  assigned: readonly (string | null)[];
  /** Instants of the pages before `decisionAt`, ascending. Nothing later is ever passed. */
  knownPageTimes: readonly EpochMs[];
}

export type SlotDecider = (state: DecisionState) => string | null;

/**
 * A way of filling a horizon slot by slot. `prepare` is called once per horizon; the decider it
 * returns is called for each slot in order and may keep working state between calls, but can only
 * know what it has been given.
 */
export interface FairnessAlgorithm {
  readonly name: string;
  prepare(problem: SchedulingProblem): SlotDecider;
}
