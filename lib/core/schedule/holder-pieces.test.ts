import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../time/local-time";
import { epochMsOfIsoInstant, localDatesInterval, toIsoInstant } from "../time/zoned-time";
import { shiftsBetween } from "./final-shifts";
import { mergeHolderPieces, nextHolderChange } from "./holder-pieces";
import type { FinalShift, RotationLayer, Schedule, ScheduleOverride, TimeOffInterval } from "./types";
import { NY, rows, weekly } from "./test-fixtures";

const ms = epochMsOfIsoInstant;

// `weekly`: the week of Jan 12 2026 is bob's (14:00Z to 14:00Z), Oct 26 carol's.
// erin alone, 08:00–20:00 New York on weekdays: nobody the rest of the time.
const weekdayDays: RotationLayer = {
  id: "day",
  participants: ["erin"],
  shift: { unit: "days", count: 1 },
  handoffTime: "08:00",
  startDate: "2026-01-05",
  restrictions: [{ weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "20:00" }],
};

/** Time off on inclusive local dates in New York, as the app stores it. */
const off = (userId: string, from: string, to: string): TimeOffInterval => ({ userId, ...localDatesInterval(from, to, NY) });

const cases: {
  name: string;
  schedule: Schedule;
  from: string;
  to: string;
  /** What shiftsBetween gives (the calendar keeps these cut pieces). */
  cut: string[];
  merged: string[];
  /** Next handoff seen from `at` (up to `to`). */
  at: string;
  handoff: string | null;
}[] = [
  {
    name: "time off in the middle of a week: one shift, flagged",
    schedule: { timeZone: NY, layers: [weekly], timeOff: [off("bob", "2026-01-14", "2026-01-15")] },
    from: "2026-01-10T00:00:00Z",
    to: "2026-01-24T00:00:00Z",
    cut: [
      "alice 01-10T00:00→01-12T14:00 rotation weekly",
      "bob 01-12T14:00→01-14T05:00 rotation weekly",
      "bob 01-14T05:00→01-16T05:00 rotation weekly [time_off]",
      "bob 01-16T05:00→01-19T14:00 rotation weekly",
      "carol 01-19T14:00→01-24T00:00 rotation weekly",
    ],
    merged: ["alice 01-10T00:00→01-12T14:00 rotation weekly", "bob 01-12T14:00→01-19T14:00 rotation weekly [time_off]", "carol 01-19T14:00→01-24T00:00 rotation weekly"],
    at: "2026-01-14T12:00:00Z",
    handoff: "2026-01-19T14:00:00.000Z",
  },
  {
    name: "time off at the start of the shift (from before its handoff)",
    schedule: { timeZone: NY, layers: [weekly], timeOff: [off("bob", "2026-01-11", "2026-01-12")] },
    from: "2026-01-10T00:00:00Z",
    to: "2026-01-24T00:00:00Z",
    cut: [
      "alice 01-10T00:00→01-12T14:00 rotation weekly",
      "bob 01-12T14:00→01-13T05:00 rotation weekly [time_off]",
      "bob 01-13T05:00→01-19T14:00 rotation weekly",
      "carol 01-19T14:00→01-24T00:00 rotation weekly",
    ],
    merged: ["alice 01-10T00:00→01-12T14:00 rotation weekly", "bob 01-12T14:00→01-19T14:00 rotation weekly [time_off]", "carol 01-19T14:00→01-24T00:00 rotation weekly"],
    at: "2026-01-12T14:00:00Z",
    handoff: "2026-01-19T14:00:00.000Z",
  },
  {
    name: "time off at the end of the shift (past its handoff)",
    schedule: { timeZone: NY, layers: [weekly], timeOff: [off("bob", "2026-01-19", "2026-01-20")] },
    from: "2026-01-10T00:00:00Z",
    to: "2026-01-24T00:00:00Z",
    cut: [
      "alice 01-10T00:00→01-12T14:00 rotation weekly",
      "bob 01-12T14:00→01-19T05:00 rotation weekly",
      "bob 01-19T05:00→01-19T14:00 rotation weekly [time_off]",
      "carol 01-19T14:00→01-24T00:00 rotation weekly",
    ],
    merged: ["alice 01-10T00:00→01-12T14:00 rotation weekly", "bob 01-12T14:00→01-19T14:00 rotation weekly [time_off]", "carol 01-19T14:00→01-24T00:00 rotation weekly"],
    at: "2026-01-13T00:00:00Z",
    handoff: "2026-01-19T14:00:00.000Z",
  },
  {
    name: "two time offs in one shift: still one shift",
    schedule: { timeZone: NY, layers: [weekly], timeOff: [off("bob", "2026-01-13", "2026-01-13"), off("bob", "2026-01-16", "2026-01-17")] },
    from: "2026-01-12T14:00:00Z",
    to: "2026-01-19T14:00:00Z",
    cut: [
      "bob 01-12T14:00→01-13T05:00 rotation weekly",
      "bob 01-13T05:00→01-14T05:00 rotation weekly [time_off]",
      "bob 01-14T05:00→01-16T05:00 rotation weekly",
      "bob 01-16T05:00→01-18T05:00 rotation weekly [time_off]",
      "bob 01-18T05:00→01-19T14:00 rotation weekly",
    ],
    merged: ["bob 01-12T14:00→01-19T14:00 rotation weekly [time_off]"],
    at: "2026-01-13T12:00:00Z",
    handoff: null,
  },
  {
    name: "a gap between two pieces of the same person is not bridged",
    schedule: { timeZone: NY, layers: [weekdayDays], timeOff: [{ userId: "erin", start: ms("2026-01-13T18:00:00Z"), end: ms("2026-01-14T18:00:00Z") }] },
    from: "2026-01-13T12:00:00Z",
    to: "2026-01-15T12:00:00Z",
    cut: [
      "— 01-13T12:00→01-13T13:00 gap",
      "erin 01-13T13:00→01-13T18:00 rotation day",
      "erin 01-13T18:00→01-14T01:00 rotation day [time_off]",
      "— 01-14T01:00→01-14T13:00 gap",
      "erin 01-14T13:00→01-14T18:00 rotation day [time_off]",
      "erin 01-14T18:00→01-15T01:00 rotation day",
      "— 01-15T01:00→01-15T12:00 gap",
    ],
    merged: [
      "— 01-13T12:00→01-13T13:00 gap",
      "erin 01-13T13:00→01-14T01:00 rotation day [time_off]",
      "— 01-14T01:00→01-14T13:00 gap",
      "erin 01-14T13:00→01-15T01:00 rotation day [time_off]",
      "— 01-15T01:00→01-15T12:00 gap",
    ],
    at: "2026-01-13T19:00:00Z",
    handoff: "2026-01-14T01:00:00.000Z",
  },
  {
    name: "an override of the same person next to their rotation is not merged into it (it is a separate shift)",
    schedule: {
      timeZone: NY,
      layers: [weekly],
      overrides: [{ id: "ext", userId: "bob", start: ms("2026-01-19T14:00:00Z"), end: ms("2026-01-21T14:00:00Z"), origin: "override" } satisfies ScheduleOverride],
      timeOff: [off("bob", "2026-01-18", "2026-01-19")],
    },
    from: "2026-01-12T14:00:00Z",
    to: "2026-01-24T00:00:00Z",
    cut: [
      "bob 01-12T14:00→01-18T05:00 rotation weekly",
      "bob 01-18T05:00→01-19T14:00 rotation weekly [time_off]",
      "bob 01-19T14:00→01-20T05:00 override ext [time_off]",
      "bob 01-20T05:00→01-21T14:00 override ext",
      "carol 01-21T14:00→01-24T00:00 rotation weekly",
    ],
    merged: ["bob 01-12T14:00→01-19T14:00 rotation weekly [time_off]", "bob 01-19T14:00→01-21T14:00 override ext [time_off]", "carol 01-21T14:00→01-24T00:00 rotation weekly"],
    // bob holds on through his override: no handoff until carol.
    at: "2026-01-18T12:00:00Z",
    handoff: "2026-01-21T14:00:00.000Z",
  },
  {
    name: "a swap inside the time off splits the shift at the swap, not at the time off",
    schedule: {
      timeZone: NY,
      layers: [weekly],
      overrides: [{ id: "sw", userId: "dave", start: ms("2026-01-15T00:00:00Z"), end: ms("2026-01-15T12:00:00Z"), replacesUserId: "bob", origin: "swap" }],
      timeOff: [off("bob", "2026-01-14", "2026-01-15")],
    },
    from: "2026-01-12T14:00:00Z",
    to: "2026-01-19T14:00:00Z",
    cut: [
      "bob 01-12T14:00→01-14T05:00 rotation weekly",
      "bob 01-14T05:00→01-15T00:00 rotation weekly [time_off]",
      "dave 01-15T00:00→01-15T12:00 swap sw",
      "bob 01-15T12:00→01-16T05:00 rotation weekly [time_off]",
      "bob 01-16T05:00→01-19T14:00 rotation weekly",
    ],
    merged: ["bob 01-12T14:00→01-15T00:00 rotation weekly [time_off]", "dave 01-15T00:00→01-15T12:00 swap sw", "bob 01-15T12:00→01-19T14:00 rotation weekly [time_off]"],
    at: "2026-01-14T12:00:00Z",
    handoff: "2026-01-15T00:00:00.000Z",
  },
  {
    name: "a DST week (fall back Nov 1): the 169-hour shift is whole again",
    schedule: { timeZone: NY, layers: [weekly], timeOff: [off("carol", "2026-10-31", "2026-11-01")] },
    from: "2026-10-25T00:00:00Z",
    to: "2026-11-09T00:00:00Z",
    cut: [
      "bob 10-25T00:00→10-26T13:00 rotation weekly",
      "carol 10-26T13:00→10-31T04:00 rotation weekly",
      "carol 10-31T04:00→11-02T05:00 rotation weekly [time_off]",
      "carol 11-02T05:00→11-02T14:00 rotation weekly",
      "dave 11-02T14:00→11-09T00:00 rotation weekly",
    ],
    merged: ["bob 10-25T00:00→10-26T13:00 rotation weekly", "carol 10-26T13:00→11-02T14:00 rotation weekly [time_off]", "dave 11-02T14:00→11-09T00:00 rotation weekly"],
    at: "2026-11-01T06:30:00Z", // 01:30 EDT, the first of the two 01:30s
    handoff: "2026-11-02T14:00:00.000Z",
  },
];

describe("mergeHolderPieces", () => {
  it.each(cases)("$name", ({ schedule, from, to, cut, merged }) => {
    const pieces = shiftsBetween(schedule, ms(from), ms(to));
    expect(rows(pieces)).toEqual(cut);
    const before = structuredClone(pieces);
    const result = mergeHolderPieces(pieces);
    expect(rows(result)).toEqual(merged);
    expect(pieces).toEqual(before); // the calendar's cut pieces are left as they were
    // Whole shifts are exactly the shifts without time off: editing time off moves no start or end.
    const withoutTimeOff = shiftsBetween({ ...schedule, timeOff: [] }, ms(from), ms(to));
    expect(result.map((s) => ({ ...s, conflicts: [] }))).toEqual(withoutTimeOff);
  });

  it("the DST week's merged shift lasts 169 hours", () => {
    const dst = cases.find((c) => c.name.startsWith("a DST week"))!;
    const carol = mergeHolderPieces(shiftsBetween(dst.schedule, ms(dst.from), ms(dst.to))).find((s) => s.userId === "carol")!;
    expect((carol.end - carol.start) / HOUR_MS).toBe(169);
  });

  it.each([
    { name: "no pieces: none", input: [], expected: [] },
    {
      name: "a hole between two pieces of the same person: not merged",
      input: [
        { userId: "bob", start: 0, end: HOUR_MS, origin: "rotation", layerId: "l", conflicts: ["time_off"] },
        { userId: "bob", start: 2 * HOUR_MS, end: 3 * HOUR_MS, origin: "rotation", layerId: "l", conflicts: [] },
      ],
      expected: ["bob 01-01T00:00→01-01T01:00 rotation l [time_off]", "bob 01-01T02:00→01-01T03:00 rotation l"],
    },
    {
      name: "the same person from another layer: not merged",
      input: [
        { userId: "bob", start: 0, end: HOUR_MS, origin: "rotation", layerId: "a", conflicts: [] },
        { userId: "bob", start: HOUR_MS, end: 2 * HOUR_MS, origin: "rotation", layerId: "b", conflicts: ["time_off"] },
      ],
      expected: ["bob 01-01T00:00→01-01T01:00 rotation a", "bob 01-01T01:00→01-01T02:00 rotation b [time_off]"],
    },
    {
      name: "two different overrides of the same person: not merged",
      input: [
        { userId: "bob", start: 0, end: HOUR_MS, origin: "override", layerId: null, overrideId: "o1", conflicts: ["time_off"] },
        { userId: "bob", start: HOUR_MS, end: 2 * HOUR_MS, origin: "override", layerId: null, overrideId: "o2", conflicts: ["time_off"] },
      ],
      expected: ["bob 01-01T00:00→01-01T01:00 override o1 [time_off]", "bob 01-01T01:00→01-01T02:00 override o2 [time_off]"],
    },
    {
      name: "one override cut twice by time off: merged, conflicts listed once",
      input: [
        { userId: "bob", start: 0, end: HOUR_MS, origin: "override", layerId: null, overrideId: "o1", conflicts: ["time_off"] },
        { userId: "bob", start: HOUR_MS, end: 2 * HOUR_MS, origin: "override", layerId: null, overrideId: "o1", conflicts: [] },
        { userId: "bob", start: 2 * HOUR_MS, end: 3 * HOUR_MS, origin: "override", layerId: null, overrideId: "o1", conflicts: ["time_off"] },
      ],
      expected: ["bob 01-01T00:00→01-01T03:00 override o1 [time_off]"],
    },
  ] satisfies { name: string; input: FinalShift[]; expected: string[] }[])("$name", ({ input, expected }) => {
    expect(rows(mergeHolderPieces(input))).toEqual(expected);
  });
});

describe("nextHolderChange", () => {
  it.each(cases)("$name", ({ schedule, at, to, handoff }) => {
    const change = nextHolderChange(shiftsBetween(schedule, ms(at), ms(to)));
    expect(change === null ? null : toIsoInstant(change)).toBe(handoff === null ? null : toIsoInstant(ms(handoff)));
  });

  it.each([
    { name: "no pieces", input: [], expected: null },
    { name: "one piece to the end", input: [{ userId: "bob", start: 0, end: HOUR_MS, origin: "rotation", layerId: "l", conflicts: [] }], expected: null },
    {
      name: "a gap after the holder is a handoff (to nobody)",
      input: [
        { userId: "bob", start: 0, end: HOUR_MS, origin: "rotation", layerId: "l", conflicts: ["time_off"] },
        { userId: null, start: HOUR_MS, end: 2 * HOUR_MS, origin: "gap", layerId: null, conflicts: [] },
      ],
      expected: HOUR_MS,
    },
    {
      name: "the end of a gap is a handoff (to someone)",
      input: [
        { userId: null, start: 0, end: HOUR_MS, origin: "gap", layerId: null, conflicts: [] },
        { userId: "bob", start: HOUR_MS, end: 2 * HOUR_MS, origin: "rotation", layerId: "l", conflicts: [] },
      ],
      expected: HOUR_MS,
    },
    {
      name: "a hole between pieces of the same person ends the holding",
      input: [
        { userId: "bob", start: 0, end: HOUR_MS, origin: "rotation", layerId: "l", conflicts: [] },
        { userId: "bob", start: 2 * HOUR_MS, end: 3 * HOUR_MS, origin: "rotation", layerId: "l", conflicts: [] },
      ],
      expected: HOUR_MS,
    },
    {
      name: "time off and a change of layer of the same person are not handoffs",
      input: [
        { userId: "bob", start: 0, end: HOUR_MS, origin: "rotation", layerId: "a", conflicts: [] },
        { userId: "bob", start: HOUR_MS, end: 2 * HOUR_MS, origin: "rotation", layerId: "a", conflicts: ["time_off"] },
        { userId: "bob", start: 2 * HOUR_MS, end: 3 * HOUR_MS, origin: "rotation", layerId: "b", conflicts: ["time_off"] },
        { userId: "ann", start: 3 * HOUR_MS, end: 4 * HOUR_MS, origin: "rotation", layerId: "b", conflicts: [] },
      ],
      expected: 3 * HOUR_MS,
    },
  ] satisfies { name: string; input: FinalShift[]; expected: number | null }[])("$name", ({ input, expected }) => {
    expect(nextHolderChange(input)).toBe(expected);
  });
});
