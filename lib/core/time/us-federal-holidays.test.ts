import { describe, expect, it } from "vitest";
import { usFederalHolidays } from "./us-federal-holidays";

describe("usFederalHolidays", () => {
  it.each([
    {
      year: 2026,
      // OPM's 2026 calendar: Independence Day (Saturday) observed Friday July 3.
      dates: ["2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"],
    },
    {
      year: 2027,
      // Juneteenth (Saturday) → Friday June 18; Independence Day (Sunday) → Monday July 5; Christmas (Saturday) → Friday December 24.
      dates: ["2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24"],
    },
    {
      year: 2028,
      // New Year's Day 2028 is a Saturday: observed Friday December 31, 2027.
      dates: ["2027-12-31", "2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04", "2028-10-09", "2028-11-10", "2028-11-23", "2028-12-25"],
    },
  ])("$year as observed", ({ year, dates }) => {
    expect(usFederalHolidays(year).map((h) => h.date)).toEqual(dates);
  });

  it("names an observed day so", () => {
    expect(usFederalHolidays(2026).find((h) => h.date === "2026-07-03")!.name).toBe("Independence Day (observed)");
    expect(usFederalHolidays(2026).find((h) => h.date === "2026-11-26")!.name).toBe("Thanksgiving Day");
  });
});
