import { describe, expect, it } from "vitest";
import { isInactiveAt, outsidePeriods } from "./inactive-periods";

describe("outsidePeriods", () => {
  it.each([
    { name: "no periods", periods: [], expected: [[0, 100]] },
    { name: "one inside", periods: [{ start: 20, end: 30 }], expected: [[0, 20], [30, 100]] },
    { name: "open-ended from the middle", periods: [{ start: 50, end: Infinity }], expected: [[0, 50]] },
    { name: "covering all", periods: [{ start: -10, end: 200 }], expected: [] },
    { name: "before and after only", periods: [{ start: -20, end: -10 }, { start: 120, end: 130 }], expected: [[0, 100]] },
    { name: "two inside, one touching the end", periods: [{ start: 10, end: 20 }, { start: 40, end: 60 }, { start: 90, end: 100 }], expected: [[0, 10], [20, 40], [60, 90]] },
    { name: "starting at the start", periods: [{ start: 0, end: 5 }], expected: [[5, 100]] },
  ])("$name", ({ periods, expected }) => {
    expect(outsidePeriods(0, 100, periods).map((p) => [p.start, p.end])).toEqual(expected);
  });

  it("isInactiveAt reads [start, end)", () => {
    const schedule = { inactive: new Map([["ann", [{ start: 10, end: 20 }, { start: 30, end: Infinity }]]]) };
    expect([9, 10, 19, 20, 29, 30, 1e15].map((at) => isInactiveAt(schedule, "ann", at))).toEqual([false, true, true, false, false, true, true]);
    expect(isInactiveAt(schedule, "bob", 15)).toBe(false);
    expect(isInactiveAt({}, "ann", 15)).toBe(false);
  });
});
