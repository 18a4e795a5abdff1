import type { FairnessAlgorithm } from "./algorithm";
import { overlapsTimeOff } from "./horizon";

/**
 * LinkedIn Oncall's default: skip members on time off during the slot and the previous slot's
 * member; prefer one never scheduled (in listed order), else the one whose last shift ended
 * longest ago. If that leaves nobody, time off is ignored (still not the previous member); with
 * a team of one, the previous member.
 */
export const leastRecentlyOnCall: FairnessAlgorithm = {
  name: "least-recently-on-call",
  prepare(problem) {
    const { members, horizon } = problem;
    return ({ slotIndex, assigned }) => {
      const slot = horizon.slots[slotIndex]!;
      const previous = slotIndex > 0 ? assigned[slotIndex - 1] : null;
      const lastEnd = new Map<string, number>();
      assigned.forEach((id, i) => {
        if (id !== null) lastEnd.set(id, horizon.slots[i]!.end);
      });
      const pick = (candidates: typeof members) => {
        let best: (typeof members)[number] | undefined;
        for (const m of candidates) {
          if (!best) best = m;
          else if ((lastEnd.get(m.id) ?? -Infinity) < (lastEnd.get(best.id) ?? -Infinity)) best = m;
        }
        return best?.id ?? null;
      };
      const notPrevious = members.filter((m) => m.id !== previous);
      const available = notPrevious.filter((m) => !overlapsTimeOff(m.availability, slot.start, slot.end));
      return pick(available) ?? pick(notPrevious) ?? previous ?? null;
    };
  },
};
