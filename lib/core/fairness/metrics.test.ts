import { describe, expect, it } from "vitest";
import { evaluateAssignment, gapAndBalance } from "./metrics";
import { fairnessScenarioSchema, type FairnessScenario } from "./scenario";

function scenario(overrides: Partial<FairnessScenario>): FairnessScenario {
  return fairnessScenarioSchema.parse({
    timeZone: "America/New_York",
    start: "2026-01-05",
    weeks: 5,
    shift: { kind: "weekly", handoffWeekday: 1, handoffTime: "09:00" },
    noticeDays: 14,
    members: [
      { id: "a", timeZone: "America/New_York", carriedBurden: 10 },
      { id: "b", timeZone: "America/New_York", timeOff: [{ from: "2026-01-20", to: "2026-01-22" }] },
      { id: "c", timeZone: "Europe/London" },
    ],
    ...overrides,
  });
}

describe("evaluateAssignment", () => {
  it("normalised burden = carried + burden × horizon days / available days; gap and balance over members", () => {
    // Five weeks (35 days) with no holidays, DST or pages: every weekly shift weighs 251.
    const report = evaluateAssignment(scenario({}), ["a", "b", "c", "a", "b"]);
    const byId = Object.fromEntries(report.members.map((m) => [m.id, m]));
    expect(byId.a).toMatchObject({ shifts: 2, burden: 502, normalisedBurden: 512, availableDays: 35 });
    expect(byId.b).toMatchObject({ shifts: 2, burden: 502, availableDays: 32 });
    expect(byId.b!.normalisedBurden).toBeCloseTo((502 * 35) / 32, 9);
    expect(byId.c).toMatchObject({ shifts: 1, burden: 251, normalisedBurden: 251 });
    expect(report.meanShiftBurden).toBe(251);
    const b = (502 * 35) / 32;
    expect(report.gap).toBeCloseTo((b - 251) / 251, 9);
    expect(report.balance).toBeCloseTo((512 / b + 251 / 512 + 251 / b) / 3, 9);
    expect(report.breaks).toEqual([]);
  });

  it("leaves members with fewer than 28 available days out of gap and balance", () => {
    const s = scenario({
      members: [
        { id: "a", timeZone: "America/New_York", carriedBurden: 0, timeOff: [] },
        { id: "b", timeZone: "America/New_York", carriedBurden: 0, timeOff: [] },
        { id: "away", timeZone: "America/New_York", carriedBurden: 0, timeOff: [{ from: "2026-01-05", to: "2026-01-14" }] },
      ],
    });
    const report = evaluateAssignment(s, ["a", "b", "a", "b", "away"]);
    expect(report.members.find((m) => m.id === "away")).toMatchObject({ availableDays: 25, compared: false });
    expect(report.gap).toBe(0); // a and b hold two shifts each; "away" (one, × 35/25) is not compared
  });

  it("finds every kind of break", () => {
    const report = evaluateAssignment(scenario({}), ["a", "a", "b", null, "c"]);
    expect(report.breaks).toEqual([
      { kind: "consecutive", slotIndex: 1, member: "a" },
      { kind: "time_off", slotIndex: 2, member: "b" }, // b is off Jan 20–22, slot 2 is Jan 19–26
      { kind: "coverage", slotIndex: 3, member: null },
    ]);
    expect(evaluateAssignment(scenario({}), ["a", "b", "stranger", "a", "c"]).breaks).toEqual([{ kind: "coverage", slotIndex: 2, member: "stranger" }]);
  });

  it("rest after an arduous shift binds decisions taken after it ended, not before", () => {
    // Daily shifts; three night pages in slot 0 (a's). Slot 2 starts a day after slot 0 ends.
    const nights = ["2026-01-06T04:00:00Z", "2026-01-06T06:00:00Z", "2026-01-06T08:00:00Z"].map((at) => ({ at, priority: "high" }));
    const members = ["a", "b", "c"].map((id) => ({ id, timeZone: "America/New_York", carriedBurden: 0, timeOff: [] }));
    const daily = (noticeDays: number) => scenario({ weeks: 5, shift: { kind: "daily", handoffTime: "09:00" }, noticeDays, pages: nights, members });
    const assignment = ["a", "b", "a", ...Array.from({ length: 32 }, (_, i) => ["b", "c"][i % 2]!)];
    expect(evaluateAssignment(daily(1), assignment).breaks).toEqual([{ kind: "rest", slotIndex: 2, member: "a" }]);
    expect(evaluateAssignment(daily(3), assignment).breaks).toEqual([]); // decided before slot 0 ended
    expect(evaluateAssignment(daily(1), assignment).members.find((m) => m.id === "a")!.arduousShifts).toBe(1);
  });
});

describe("gapAndBalance", () => {
  it.each([
    { name: "equal burdens", values: [100, 100, 100], mean: 50, gap: 0, balance: 1 },
    { name: "one member", values: [100], mean: 50, gap: 0, balance: 1 },
    { name: "two members", values: [50, 100], mean: 25, gap: 2, balance: 0.5 },
    { name: "all zero", values: [0, 0], mean: 0, gap: 0, balance: 1 },
  ])("$name", ({ values, mean, gap, balance }) => {
    expect(gapAndBalance(values, mean)).toEqual({ gap, balance });
  });
});
