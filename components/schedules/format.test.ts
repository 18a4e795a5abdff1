import { describe, expect, it } from "vitest";
import { formatDateRange, formatLocalDate } from "./format";

describe("formatDateRange (time off, inclusive local dates)", () => {
  it.each([
    ["2026-12-20", "2026-12-20", "Sun, Dec 20"],
    ["2026-12-20", "2026-12-23", "Sun, Dec 20 – Wed, Dec 23"],
    ["2026-12-20", "2027-01-07", "Sun, Dec 20, 2026 – Thu, Jan 7, 2027"],
    ["2026-12-20", "2036-12-10", "Sun, Dec 20, 2026 – Wed, Dec 10, 2036"],
  ])("%s → %s reads %s", (from, to, expected) => {
    expect(formatDateRange(from, to)).toBe(expected);
  });

  it("names the year when asked (a layer's start date)", () => expect(formatLocalDate("2026-08-17", { withYear: true })).toBe("Mon, Aug 17, 2026"));
});
