import { DEFAULT_BURDEN_WEIGHTS, firstIndexAtOrAfter, holidaySet, type BurdenWeights } from "./burden";
import type { FairnessAlgorithm, SchedulingProblem } from "./algorithm";
import { memberAvailability, scenarioHorizon } from "./horizon";
import { evaluateAssignment, scenarioPageTimes, type FairnessReport } from "./metrics";
import type { FairnessScenario } from "./scenario";

/** What is known in advance about a scenario's horizon (everything but the pages). */
export function schedulingProblem(scenario: FairnessScenario, weights: BurdenWeights = DEFAULT_BURDEN_WEIGHTS): SchedulingProblem {
  return {
    horizon: scenarioHorizon(scenario),
    members: scenario.members.map((m) => ({
      id: m.id,
      timeZone: m.timeZone,
      carriedBurden: m.carriedBurden,
      ledgerBalance: m.ledgerBalance ?? 0,
      availability: memberAvailability(m, scenario, weights),
    })),
    holidays: holidaySet(scenario.holidays),
    weights,
  };
}

export interface SimulationResult {
  algorithm: string;
  /** Member id per slot, in slot order. */
  assignment: (string | null)[];
  problem: SchedulingProblem;
  report: FairnessReport;
}

/**
 * The benchmark's simulation: decide slot by slot in order, each at its start minus the notice,
 * knowing only the pages before that instant; then replay all pages onto the result and measure it.
 */
export function simulate(scenario: FairnessScenario, algorithm: FairnessAlgorithm, options: { weights?: BurdenWeights } = {}): SimulationResult {
  const weights = options.weights ?? DEFAULT_BURDEN_WEIGHTS;
  const problem = schedulingProblem(scenario, weights);
  const pageTimes = scenarioPageTimes(scenario);
  const decide = algorithm.prepare(problem);
  const assignment: (string | null)[] = [];
  for (const slot of problem.horizon.slots) {
    const known = pageTimes.slice(0, firstIndexAtOrAfter(pageTimes, slot.decisionAt));
    assignment.push(decide({ slotIndex: slot.index, decisionAt: slot.decisionAt, assigned: assignment.slice(), knownPageTimes: known }));
  }
  const report = evaluateAssignment(scenario, assignment, { weights, horizon: problem.horizon, pageTimes });
  return { algorithm: algorithm.name, assignment, problem, report };
}
