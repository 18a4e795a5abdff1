import type { FairnessAlgorithm } from "./algorithm";

/** PagerDuty / GoAlert: members in the listed order, round and round, whatever else is known. */
export const fixedRotation: FairnessAlgorithm = {
  name: "fixed-rotation",
  prepare(problem) {
    const ids = problem.members.map((m) => m.id);
    return ({ slotIndex }) => ids[slotIndex % ids.length] ?? null;
  },
};
