import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { epochMsOfIsoInstant, toIsoInstant } from "../time/zoned-time";
import { baton, batonGenerator, proposeFairAssignments } from "./baton-generator";
import { fixedRotation } from "./fixed-rotation";
import { leastRecentlyOnCall } from "./least-recently-on-call";
import { parseFairnessScenario, type FairnessScenario } from "./scenario";
import { schedulingProblem, simulate } from "./simulate";
import { syntheticScenario, type SyntheticScenarioOptions } from "./synthetic-scenario";

const serviceDesk = parseFairnessScenario(JSON.parse(readFileSync(path.resolve(__dirname, "../../../../shared/scenarios/service-desk-26w.json"), "utf8")));

/** Runs the three algorithms and returns Baton's report next to the best baseline figures. */
function compare(scenario: FairnessScenario) {
  const fixed = simulate(scenario, fixedRotation).report;
  const leastRecent = simulate(scenario, leastRecentlyOnCall).report;
  const ours = simulate(scenario, baton);
  return { ours, bestGap: Math.min(fixed.gap, leastRecent.gap), bestBalance: Math.max(fixed.balance, leastRecent.balance), fixed, leastRecent };
}

describe("Baton on service-desk-26w", () => {
  const { ours, bestGap, bestBalance } = compare(serviceDesk);

  it("meets the targets: gap ≤ 1 shift and below both baselines, balance above, no breaks", () => {
    expect(ours.report.breaks).toEqual([]);
    expect(ours.report.gap).toBeLessThanOrEqual(1);
    expect(ours.report.gap).toBeLessThan(bestGap);
    expect(ours.report.balance).toBeGreaterThan(bestBalance);
  });

  it("beats the naive greedy the issue quotes (0.93)", () => {
    expect(ours.report.gap).toBeLessThan(0.93);
  });
});

const THREE_ZONES = ["America/New_York", "America/New_York", "America/New_York", "America/Los_Angeles", "Europe/London"];
const SCENARIOS: [string, SyntheticScenarioOptions][] = [
  ...[1, 2, 3, 4, 5, 6].map((seed): [string, SyntheticScenarioOptions] => [`team of 8 in three zones #${seed}`, { seed, members: 8, memberZones: THREE_ZONES }]),
  ...[1, 2, 3].flatMap((seed): [string, SyntheticScenarioOptions][] => [
    [`heavy carried burden (up to 2 shifts) #${seed}`, { seed, members: 8, maxCarriedBurden: 600 }],
    [`team of 4 #${seed}`, { seed, members: 4, timeOffChance: 0.3 }],
    [`London, Friday 17:00 handoffs, 52 weeks #${seed}`, { seed, members: 9, weeks: 52, shift: { kind: "weekly", handoffWeekday: 5, handoffTime: "17:00" }, timeZone: "Europe/London", memberZones: ["Europe/London", "Europe/Berlin"] }],
    [`daily 08:30, 8 members, 14 days notice #${seed}`, { seed, members: 8, shift: { kind: "daily", handoffTime: "08:30" }, noticeDays: 14, memberZones: ["America/New_York", "America/New_York", "America/Los_Angeles", "Europe/London"] }],
    [`weekly, no notice, frequent storms (rest binds) #${seed}`, { seed, members: 5, noticeDays: 0, stormChancePerDay: 0.2 }],
    [`already fair: 4 members, 24 weeks, one zone #${seed}`, { seed, members: 4, weeks: 24, maxCarriedBurden: 0, timeOffChance: 0 }],
  ]),
  // Seeds where Baton, planning freely, ended above the rotation on pages' noise (README, Known limits).
  ["already fair: 13 members, 26 weeks #1", { seed: 1, members: 13, maxCarriedBurden: 0, timeOffChance: 0 }],
  ["already fair: 4 members, 24 weeks #29", { seed: 29, members: 4, weeks: 24, maxCarriedBurden: 0, timeOffChance: 0 }],
  ["already fair: 13 members, 26 weeks #4", { seed: 4, members: 13, maxCarriedBurden: 0, timeOffChance: 0 }],
  ["already fair: 13 members, 26 weeks #3", { seed: 3, members: 13, maxCarriedBurden: 0, timeOffChance: 0 }],
  ["daily Sydney follow-the-sun, 7 days notice #2", { seed: 2, members: 10, weeks: 13, timeZone: "Australia/Sydney", memberZones: ["Australia/Sydney", "Asia/Kolkata", "Europe/London", "America/New_York"], shift: { kind: "daily", handoffTime: "09:00" }, noticeDays: 7, holidays: ["2026-01-26", "2026-04-03", "2026-04-06", "2026-04-25"] }],
];

describe("Baton on scenarios of the same form", () => {
  it.each(SCENARIOS)("%s", (_name, options) => {
    const { ours, bestGap, bestBalance } = compare(syntheticScenario(options));
    expect(ours.report.breaks).toEqual([]);
    expect(ours.report.gap).toBeLessThanOrEqual(1);
    expect(ours.report.gap).toBeLessThanOrEqual(bestGap);
    expect(ours.report.balance).toBeGreaterThanOrEqual(bestBalance);
  });
});

describe("Baton's rules", () => {
  it("gives rest after arduous shifts, and never back-to-back or time off, where the baselines break them", () => {
    const stormy = syntheticScenario({ seed: 4, members: 7, weeks: 10, shift: { kind: "daily", handoffTime: "08:30" }, noticeDays: 2, stormChancePerDay: 0.12, timeOffChance: 0.6 });
    const { ours, fixed } = compare(stormy);
    expect(ours.report.members.reduce((n, m) => n + m.arduousShifts, 0)).toBeGreaterThan(5);
    expect(new Set(fixed.breaks.map((b) => b.kind))).toEqual(new Set(["rest", "time_off"]));
    expect(ours.report.breaks).toEqual([]);
  });

  it("repays a ledger balance: a member owed two shifts' burden takes fewer shifts", () => {
    const shiftsOf = (s: FairnessScenario, id: string) => simulate(s, baton).assignment.filter((m) => m === id).length;
    const owed = { ...serviceDesk, members: serviceDesk.members.map((m) => (m.id === "bob" ? { ...m, ledgerBalance: 600 } : m)) };
    expect(shiftsOf(owed, "bob")).toBeLessThan(shiftsOf(serviceDesk, "bob"));
  });

  it("leaves a slot to someone who breaks a rule only when nobody can take it cleanly", () => {
    const everyoneAway = syntheticScenario({ seed: 3, members: 2, weeks: 8, timeOffChance: 0, pagesPerHour: 0.01 });
    everyoneAway.members = everyoneAway.members.map((m) => ({ ...m, timeOff: [{ from: "2026-01-27", to: "2026-02-01" }] }));
    const { assignment, report } = simulate(everyoneAway, baton);
    expect(assignment.every((m) => m !== null)).toBe(true);
    expect(report.breaks.map((b) => [b.kind, b.slotIndex])).toEqual([["time_off", 3]]);
  });
});

describe("keeping to the plain rotation", () => {
  const fair = syntheticScenario({ seed: 29, members: 4, weeks: 24, maxCarriedBurden: 0, timeOffChance: 0 });

  it("keeps the rotation on a team that is already fair, so it can't end up less fair than it on pages' noise", () => {
    const rotation = simulate(fair, leastRecentlyOnCall);
    const ours = simulate(fair, baton);
    expect(ours.assignment).toEqual(rotation.assignment);
    expect(ours.assignment).toEqual(simulate(fair, fixedRotation).assignment);
    expect(ours.report.gap).toBe(rotation.report.gap);
    // Planning freely, Baton chased the pages it had seen and ended above the rotation here.
    const free = simulate(fair, batonGenerator({ keepRotationMargin: 0 })).report;
    expect(free.gap).toBeGreaterThan(rotation.report.gap);
  });

  it("leaves it where a plan is materially fairer: carried burden, time off", () => {
    for (const scenario of [serviceDesk, syntheticScenario({ seed: 1, members: 8, maxCarriedBurden: 600 })]) {
      const rotation = simulate(scenario, leastRecentlyOnCall).assignment;
      const ours = simulate(scenario, baton);
      expect(ours.assignment[0]).not.toBe(rotation[0]);
      expect(ours.assignment).toEqual(simulate(scenario, batonGenerator({ keepRotationMargin: 0 })).assignment);
    }
  });

  it("keeps a given rotation (fill the next N weeks: the layer's plain rotation) when it is about as fair", () => {
    const problem = schedulingProblem(fair);
    const plain = problem.horizon.slots.map((_, i) => ["m03", "m04", "m01", "m02"][i % 4]!);
    const state = { slotIndex: 1, decisionAt: problem.horizon.slots[0]!.start, assigned: ["m03"], knownPageTimes: [] };
    expect(proposeFairAssignments(problem, state, { rotation: plain })).toEqual(plain.slice(1));
    // Once the plan so far has left it, it is not kept.
    const left = { ...state, assigned: ["m01"] };
    expect(proposeFairAssignments(problem, left, { rotation: plain })).not.toEqual(plain.slice(1));
  });

  it("does not keep a rotation that breaks a rule (time off)", () => {
    const problem = schedulingProblem(fair);
    const plain = problem.horizon.slots.map((_, i) => ["m01", "m02", "m03", "m04"][i % 4]!);
    problem.members[2]!.availability.timeOff.push({ start: problem.horizon.slots[6]!.start, end: problem.horizon.slots[6]!.end });
    const state = { slotIndex: 1, decisionAt: problem.horizon.slots[0]!.start, assigned: ["m01"], knownPageTimes: [] };
    const proposal = proposeFairAssignments(problem, state, { rotation: plain });
    expect(proposal[5]).not.toBe("m03");
    expect(proposal).not.toEqual(plain.slice(1));
  });
});

describe("no look-ahead", () => {
  const reference = simulate(serviceDesk, baton).assignment;
  const slots = schedulingProblem(serviceDesk).horizon.slots;

  it.each([3, 9, 17, 22])("changing the pages after slot %i is decided changes no decision up to it", (k) => {
    const decidedAt = slots[k]!.decisionAt;
    const before = serviceDesk.pages.filter((p) => epochMsOfIsoInstant(p.at) < decidedAt);
    // Three futures: no more pages, five pages every night (03:00 New York), the same pages an hour later.
    const nights = Array.from({ length: 600 }, (_, i) => ({ at: toIsoInstant(decidedAt + Math.floor(i / 5) * 86_400_000 + 18 * 3_600_000 + (i % 5) * 60_000), priority: "high" }));
    const futures = [
      before,
      [...before, ...nights],
      [...before, ...serviceDesk.pages.filter((p) => epochMsOfIsoInstant(p.at) >= decidedAt).map((p) => ({ ...p, at: toIsoInstant(epochMsOfIsoInstant(p.at) + 3_600_000) }))],
    ];
    const changedLater = futures.map((pages) => {
      const assignment = simulate({ ...serviceDesk, pages }, baton).assignment;
      expect(assignment.slice(0, k + 1)).toEqual(reference.slice(0, k + 1));
      return assignment.slice(k + 1).some((m, i) => m !== reference[k + 1 + i]);
    });
    // Early on, the futures do change later decisions (so the check above has teeth); late in
    // the horizon who holds the rest can be settled by counts and time off alone.
    if (k <= 9) expect(changedLater).toContain(true);
  });
});

describe("proposeFairAssignments (fill the next N weeks)", () => {
  it("proposes every open slot at once, starting with what the simulation would decide", () => {
    const problem = schedulingProblem(serviceDesk);
    const state = { slotIndex: 0, decisionAt: problem.horizon.slots[0]!.decisionAt, assigned: [], knownPageTimes: [] };
    const proposal = proposeFairAssignments(problem, state);
    expect(proposal).toHaveLength(26);
    expect(proposal[0]).toBe(simulate(serviceDesk, baton).assignment[0]);
    proposal.forEach((m, i) => expect(m === null || m !== proposal[i + 1]).toBe(true));
    const counts = new Map<string, number>();
    for (const m of proposal) counts.set(m!, (counts.get(m!) ?? 0) + 1);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it("is deterministic: the restarts are seeded, so the same inputs give the same proposal (preview = publish)", () => {
    const problem = schedulingProblem(serviceDesk);
    const state = { slotIndex: 3, decisionAt: problem.horizon.slots[3]!.decisionAt, assigned: ["alice", "bob", "carol"], knownPageTimes: [] };
    expect(proposeFairAssignments(problem, state)).toEqual(proposeFairAssignments(problem, state));
    expect(simulate(serviceDesk, baton).assignment).toEqual(simulate(serviceDesk, baton).assignment);
  });
});
