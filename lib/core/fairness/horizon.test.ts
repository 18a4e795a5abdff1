import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../time/local-time";
import { epochMsOfIsoInstant, toIsoInstant } from "../time/zoned-time";
import { DEFAULT_BURDEN_WEIGHTS, holidaySet } from "./burden";
import { heldShiftBurdens, memberAvailability, restEndAfter, scenarioHorizon } from "./horizon";
import { fairnessScenarioSchema, parseFairnessScenario, type FairnessScenario } from "./scenario";

const SERVICE_DESK_PATH = path.resolve(__dirname, "../../../../shared/scenarios/service-desk-26w.json");
const serviceDesk = parseFairnessScenario(JSON.parse(readFileSync(SERVICE_DESK_PATH, "utf8")));

function scenario(overrides: Partial<FairnessScenario>): FairnessScenario {
  return fairnessScenarioSchema.parse({
    timeZone: "America/New_York",
    start: "2026-01-05",
    weeks: 4,
    shift: { kind: "weekly", handoffWeekday: 1, handoffTime: "09:00" },
    noticeDays: 14,
    members: [{ id: "a", timeZone: "America/New_York" }],
    ...overrides,
  });
}

describe("scenarioHorizon", () => {
  const horizon = scenarioHorizon(serviceDesk);

  it("service-desk-26w: 26 weekly slots from Monday 2026-01-05 09:00 New York, each decided 14 days ahead", () => {
    expect(horizon.days).toBe(182);
    expect(horizon.slots).toHaveLength(26);
    const [first] = horizon.slots;
    expect([toIsoInstant(first!.start), toIsoInstant(first!.end), toIsoInstant(first!.decisionAt)]).toEqual([
      "2026-01-05T14:00:00Z",
      "2026-01-12T14:00:00Z",
      "2025-12-22T14:00:00Z",
    ]);
    expect(toIsoInstant(horizon.slots[25]!.start)).toBe("2026-06-29T13:00:00Z");
  });

  it("a weekly slot across spring forward is 167 h; its decision is 14 calendar days before, at 09:00 EST", () => {
    const dst = horizon.slots.find((s) => toIsoInstant(s.start) === "2026-03-02T14:00:00Z")!;
    expect((dst.end - dst.start) / HOUR_MS).toBe(167);
    const after = horizon.slots[dst.index + 2]!; // Monday 2026-03-16 09:00 EDT
    expect([toIsoInstant(after.start), toIsoInstant(after.decisionAt)]).toEqual(["2026-03-16T13:00:00Z", "2026-03-02T14:00:00Z"]);
  });

  it("daily slots: one per day at the handoff time", () => {
    const daily = scenarioHorizon(scenario({ weeks: 2, shift: { kind: "daily", handoffTime: "08:30" }, noticeDays: 2 }));
    expect(daily.slots).toHaveLength(14);
    expect(toIsoInstant(daily.slots[0]!.start)).toBe("2026-01-05T13:30:00Z");
    expect(toIsoInstant(daily.slots[13]!.end)).toBe("2026-01-19T13:30:00Z");
    expect(toIsoInstant(daily.slots[0]!.decisionAt)).toBe("2026-01-03T13:30:00Z");
  });

  it("starts at the first handoff on or after the start date", () => {
    const fromWednesday = scenarioHorizon(scenario({ start: "2026-01-07", weeks: 2 }));
    expect(fromWednesday.slots.map((s) => toIsoInstant(s.start))).toEqual(["2026-01-12T14:00:00Z", "2026-01-19T14:00:00Z"]);
  });
});

describe("memberAvailability", () => {
  it("counts horizon days not in time off (overlapping ranges once) and leaves out members under 28 days", () => {
    const byId = new Map(serviceDesk.members.map((m) => [m.id, memberAvailability(m, serviceDesk)]));
    expect(byId.get("alice")!.availableDays).toBe(182 - 28);
    expect(byId.get("carol")!.availableDays).toBe(182 - 7); // Mar 28–Apr 2 and Mar 27–Apr 1 overlap
    expect(byId.get("bob")!.availableDays).toBe(182);
    const away = memberAvailability({ id: "x", timeZone: "Europe/London", carriedBurden: 0, timeOff: [{ from: "2026-01-01", to: "2026-06-20" }] }, serviceDesk);
    expect([away.availableDays, away.compared]).toEqual([15, false]); // Jul 5 is the last day: Jun 21 – Jul 5 are free
  });

  it("time off intervals are the member's local days", () => {
    const heidi = memberAvailability(serviceDesk.members.find((m) => m.id === "heidi")!, serviceDesk);
    expect(heidi.timeOff.map((i) => [toIsoInstant(i.start), toIsoInstant(i.end)])).toEqual([["2026-02-04T00:00:00Z", "2026-02-08T00:00:00Z"]]);
  });
});

describe("restEndAfter: 7 days, whichever way they are counted across DST", () => {
  it.each([
    { name: "no change: 168 h", end: "2026-01-12T14:00:00Z", expected: "2026-01-19T14:00:00Z" },
    { name: "spring forward: 168 h is longer than 7 calendar days (167 h)", end: "2026-03-07T14:00:00Z", expected: "2026-03-14T14:00:00Z" },
    { name: "fall back: 7 calendar days (169 h) is longer than 168 h", end: "2026-10-31T13:00:00Z", expected: "2026-11-07T14:00:00Z" },
  ])("$name", ({ end, expected }) => {
    expect(toIsoInstant(restEndAfter(epochMsOfIsoInstant(end), "America/New_York"))).toBe(expected);
  });
});

describe("fairnessScenarioSchema", () => {
  it.each([
    { name: "unknown zone", patch: { timeZone: "Mars/Olympus" } },
    { name: "bad start date", patch: { start: "2026-02-30" } },
    { name: "bad handoff time", patch: { shift: { kind: "daily", handoffTime: "8:30" } } },
    { name: "duplicate member ids", patch: { members: [{ id: "a", timeZone: "UTC" }, { id: "a", timeZone: "UTC" }] } },
    { name: "time off ending before it starts", patch: { members: [{ id: "a", timeZone: "UTC", timeOff: [{ from: "2026-02-02", to: "2026-02-01" }] }] } },
    { name: "page without an offset", patch: { pages: [{ at: "2026-01-06T03:12:00", priority: "high" }] } },
  ])("rejects $name", ({ patch }) => {
    expect(() => scenario(patch as Partial<FairnessScenario>)).toThrow();
  });

  it("fills defaults (no holidays, pages, time off or carried burden)", () => {
    const parsed = scenario({});
    expect([parsed.holidays, parsed.pages, parsed.members[0]!.timeOff, parsed.members[0]!.carriedBurden]).toEqual([[], [], [], 0]);
  });
});

describe("heldShiftBurdens: each held shift's burden in its holder's zone, and the rest an arduous one owes", () => {
  const at = (iso: string) => epochMsOfIsoInstant(iso);
  // A week from Monday 2026-01-05 09:00 New York; three pages at 03:30 New York (08:30 London).
  const week = { start: at("2026-01-05T14:00:00Z"), end: at("2026-01-12T14:00:00Z") };
  const pageTimes = ["2026-01-06T08:30:00Z", "2026-01-07T08:30:00Z", "2026-01-08T08:30:00Z"].map(at);
  const zones: Record<string, string> = { ny: "America/New_York", london: "Europe/London" };
  const opts = { zoneOf: (id: string) => zones[id]!, scheduleZone: "America/New_York", holidays: holidaySet([]), pageTimes };

  it.each([
    { holder: "ny", sleepBandPages: 3, restEnd: "2026-01-19T14:00:00Z" },
    { holder: "london", sleepBandPages: 0, restEnd: null },
  ])("$holder: $sleepBandPages sleep-band pages, rest until $restEnd", ({ holder, sleepBandPages, restEnd }) => {
    const [held] = heldShiftBurdens([{ ...week, userId: holder }], opts);
    expect(held!.burden.pages).toBe(3);
    expect(held!.burden.sleepBandPages).toBe(sleepBandPages);
    expect(held!.burden.arduous).toBe(sleepBandPages >= 3);
    expect(held!.restEnd === null ? null : toIsoInstant(held!.restEnd)).toBe(restEnd);
  });

  it("skips shifts nobody holds and follows the team's weights", () => {
    expect(heldShiftBurdens([{ ...week, userId: null }], opts)).toEqual([]);
    const [held] = heldShiftBurdens([{ ...week, userId: "ny" }], { ...opts, pageTimes: pageTimes.slice(0, 2) });
    expect(held!.restEnd).toBeNull();
    const lenient = { ...DEFAULT_BURDEN_WEIGHTS, arduousSleepPages: 2, restDaysAfterArduous: 3 };
    const [strict] = heldShiftBurdens([{ ...week, userId: "ny" }], { ...opts, pageTimes: pageTimes.slice(0, 2), weights: lenient });
    expect(toIsoInstant(strict!.restEnd!)).toBe("2026-01-15T14:00:00Z");
  });
});
