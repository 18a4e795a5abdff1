import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../time/local-time";
import { epochMsOfIsoInstant, toIsoInstant } from "../time/zoned-time";
import { handoffAt, rotationIndexAt, rotationShiftByIndex, rotationShiftsBetween } from "./rotation-shifts";
import type { RotationLayer } from "./types";

const ms = epochMsOfIsoInstant;

function layer(overrides: Partial<RotationLayer>): RotationLayer {
  return { id: "primary", participants: ["alice", "bob", "carol"], shift: { unit: "weeks", count: 1 }, handoffTime: "09:00", startDate: "2026-01-05", ...overrides };
}

/** The rotation instance holding an instant, as readable UTC times and a length in hours. */
function shiftAt(l: RotationLayer, zone: string, at: string) {
  const [shift] = rotationShiftsBetween(l, zone, ms(at), ms(at) + 1);
  if (!shift) return null;
  return { userId: shift.userId, start: toIsoInstant(shift.start), end: toIsoInstant(shift.end), hours: (shift.end - shift.start) / HOUR_MS };
}

describe("rotation shifts across the 2026 DST changes", () => {
  it.each([
    {
      name: "New York weekly, Monday 09:00, across spring forward (Mar 8): 167 h",
      zone: "America/New_York", l: layer({ handoffWeekday: 1 }), at: "2026-03-08T12:00:00Z",
      expected: { start: "2026-03-02T14:00:00Z", end: "2026-03-09T13:00:00Z", hours: 167 },
    },
    {
      name: "New York weekly, Monday 09:00, across fall back (Nov 1): 169 h",
      zone: "America/New_York", l: layer({ handoffWeekday: 1 }), at: "2026-11-01T12:00:00Z",
      expected: { start: "2026-10-26T13:00:00Z", end: "2026-11-02T14:00:00Z", hours: 169 },
    },
    {
      name: "Chicago weekly, Friday 17:00, across spring forward: 167 h",
      zone: "America/Chicago", l: layer({ handoffWeekday: 5, handoffTime: "17:00" }), at: "2026-03-08T12:00:00Z",
      expected: { start: "2026-03-06T23:00:00Z", end: "2026-03-13T22:00:00Z", hours: 167 },
    },
    {
      name: "London daily 01:30 on spring-forward day: the handoff is at the gap's end (02:00 BST)",
      zone: "Europe/London", l: layer({ shift: { unit: "days", count: 1 }, handoffTime: "01:30" }), at: "2026-03-28T12:00:00Z",
      expected: { start: "2026-03-28T01:30:00Z", end: "2026-03-29T01:00:00Z", hours: 23.5 },
    },
    {
      name: "London daily 01:30 on fall-back day: the first 01:30 (BST)",
      zone: "Europe/London", l: layer({ shift: { unit: "days", count: 1 }, handoffTime: "01:30" }), at: "2026-10-25T12:00:00Z",
      expected: { start: "2026-10-25T00:30:00Z", end: "2026-10-26T01:30:00Z", hours: 25 },
    },
    {
      name: "Sydney weekly, Saturday 09:00, as DST ends (Apr 5): 169 h",
      zone: "Australia/Sydney", l: layer({ handoffWeekday: 6 }), at: "2026-04-05T12:00:00Z",
      expected: { start: "2026-04-03T22:00:00Z", end: "2026-04-10T23:00:00Z", hours: 169 },
    },
    {
      name: "Sydney weekly, Sunday 09:00, handoff just after DST ends: 168 h",
      zone: "Australia/Sydney", l: layer({ handoffWeekday: 7 }), at: "2026-04-05T12:00:00Z",
      expected: { start: "2026-04-04T23:00:00Z", end: "2026-04-11T23:00:00Z", hours: 168 },
    },
    {
      name: "Sydney weekly, Saturday 09:00, as DST starts (Oct 4): 167 h",
      zone: "Australia/Sydney", l: layer({ handoffWeekday: 6 }), at: "2026-10-04T12:00:00Z",
      expected: { start: "2026-10-02T23:00:00Z", end: "2026-10-09T22:00:00Z", hours: 167 },
    },
    {
      name: "Lord Howe daily 09:00 over the 30-minute spring change (Oct 4): 23.5 h",
      zone: "Australia/Lord_Howe", l: layer({ shift: { unit: "days", count: 1 } }), at: "2026-10-03T20:00:00Z",
      expected: { start: "2026-10-02T22:30:00Z", end: "2026-10-03T22:00:00Z", hours: 23.5 },
    },
    {
      name: "Lord Howe daily 09:00 over the 30-minute autumn change (Apr 5): 24.5 h",
      zone: "Australia/Lord_Howe", l: layer({ shift: { unit: "days", count: 1 } }), at: "2026-04-04T20:00:00Z",
      expected: { start: "2026-04-03T22:00:00Z", end: "2026-04-04T22:30:00Z", hours: 24.5 },
    },
    {
      name: "Lord Howe daily 02:15 (inside the spring gap) → 02:30 +11",
      zone: "Australia/Lord_Howe", l: layer({ shift: { unit: "days", count: 1 }, handoffTime: "02:15" }), at: "2026-10-03T16:00:00Z",
      expected: { start: "2026-10-03T15:30:00Z", end: "2026-10-04T15:15:00Z", hours: 23.75 },
    },
    {
      name: "New York 12-hour shifts keep 08:00/20:00 local across spring forward: 11 h",
      zone: "America/New_York", l: layer({ shift: { unit: "hours", count: 12 }, handoffTime: "20:00" }), at: "2026-03-08T08:00:00Z",
      expected: { start: "2026-03-08T01:00:00Z", end: "2026-03-08T12:00:00Z", hours: 11 },
    },
    {
      name: "New York 12-hour shifts keep 08:00/20:00 local across fall back: 13 h",
      zone: "America/New_York", l: layer({ shift: { unit: "hours", count: 12 }, handoffTime: "20:00" }), at: "2026-11-01T08:00:00Z",
      expected: { start: "2026-11-01T00:00:00Z", end: "2026-11-01T13:00:00Z", hours: 13 },
    },
  ])("$name", ({ zone, l, at, expected }) => {
    expect(shiftAt(l, zone, at)).toMatchObject(expected);
  });
});

describe("rotation instances", () => {
  it("starts at the first handoff on or after the start date and goes round the participants", () => {
    const l = layer({ startDate: "2026-01-07", handoffWeekday: 1 }); // a Wednesday: first handoff Monday Jan 12
    const shifts = rotationShiftsBetween(l, "America/New_York", ms("2026-01-01T00:00:00Z"), ms("2026-02-03T00:00:00Z"));
    expect(shifts.map((s) => [s.index, s.userId, toIsoInstant(s.start)])).toEqual([
      [0, "alice", "2026-01-12T14:00:00Z"],
      [1, "bob", "2026-01-19T14:00:00Z"],
      [2, "carol", "2026-01-26T14:00:00Z"],
      [3, "alice", "2026-02-02T14:00:00Z"],
    ]);
    expect(rotationIndexAt(l, "America/New_York", ms("2026-01-12T13:59:59Z"))).toBe(-1);
    expect(rotationIndexAt(l, "America/New_York", ms("2026-01-12T14:00:00Z"))).toBe(0);
  });

  it("finds the instance of an instant far from the start in one step", () => {
    const l = layer({ shift: { unit: "hours", count: 8 }, handoffTime: "06:00" });
    const at = ms("2031-07-04T12:34:00Z");
    const index = rotationIndexAt(l, "Europe/London", at);
    const shift = rotationShiftByIndex(l, "Europe/London", index)!;
    expect(shift.start <= at && at < shift.end).toBe(true);
    expect(handoffAt(l, "Europe/London", index)).toBe(shift.start);
  });

  it("an hourly rotation whose handoffs both fall in the spring gap has an empty instance, skipped but still numbered", () => {
    const l = layer({ shift: { unit: "hours", count: 1 }, handoffTime: "00:00", startDate: "2026-03-08" });
    const shifts = rotationShiftsBetween(l, "America/New_York", ms("2026-03-08T05:00:00Z"), ms("2026-03-08T09:00:00Z"));
    // 00:00, 01:00, [02:00 → 03:00 is empty], 03:00, 04:00
    expect(shifts.map((s) => [s.index, toIsoInstant(s.start), (s.end - s.start) / HOUR_MS])).toEqual([
      [0, "2026-03-08T05:00:00Z", 1],
      [1, "2026-03-08T06:00:00Z", 1],
      [3, "2026-03-08T07:00:00Z", 1],
      [4, "2026-03-08T08:00:00Z", 1],
    ]);
    expect(rotationShiftByIndex(l, "America/New_York", 2)).toBeNull();
    expect(rotationIndexAt(l, "America/New_York", ms("2026-03-08T07:00:00Z"))).toBe(3);
  });

  it("a one-hour fall-back shift lasts two hours (01:00 first occurrence → 02:00 EST)", () => {
    const l = layer({ shift: { unit: "hours", count: 1 }, handoffTime: "00:00", startDate: "2026-11-01" });
    const shift = rotationShiftByIndex(l, "America/New_York", 1)!;
    expect([toIsoInstant(shift.start), toIsoInstant(shift.end)]).toEqual(["2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z"]);
  });

  it("an empty rotation has no shifts, a bad length is rejected", () => {
    expect(rotationShiftsBetween(layer({ participants: [] }), "UTC", 0, 10 * 86_400_000)).toEqual([]);
    expect(() => rotationShiftsBetween(layer({ shift: { unit: "days", count: 0 } }), "UTC", 0, 1)).toThrow(RangeError);
  });
});

describe("published assignments", () => {
  it("replace the round robin for the instances they name, and only those", async () => {
    const { rotationShiftsBetween } = await import("./rotation-shifts");
    const { epochMsOfIsoInstant } = await import("../time/zoned-time");
    const layer = {
      id: "gen",
      participants: ["a", "b", "c"],
      shift: { unit: "weeks" as const, count: 1 },
      handoffTime: "09:00",
      handoffWeekday: 1 as const,
      startDate: "2026-01-05",
      assignments: new Map([
        [1, "c"],
        [2, "a"],
      ]),
    };
    const shifts = rotationShiftsBetween(layer, "America/New_York", epochMsOfIsoInstant("2026-01-05T14:00:00Z"), epochMsOfIsoInstant("2026-02-02T14:00:00Z"));
    expect(shifts.map((s) => s.userId)).toEqual(["a", "c", "a", "a"]);
  });
});
