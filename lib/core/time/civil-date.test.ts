import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  addDaysToIsoDate,
  civilFromEpochDay,
  epochDayOfIsoDate,
  isIsoDate,
  isoDateOfEpochDay,
  weekdayOfEpochDay,
} from "./civil-date";

describe("civil dates", () => {
  it("agrees with Temporal.PlainDate on every day from 1899 to 2101", () => {
    let date = Temporal.PlainDate.from("1899-01-01");
    for (let epochDay = epochDayOfIsoDate("1899-01-01"); date.year < 2102; epochDay++, date = date.add({ days: 1 })) {
      const civil = civilFromEpochDay(epochDay);
      if (civil.year !== date.year || civil.month !== date.month || civil.day !== date.day || weekdayOfEpochDay(epochDay) !== date.dayOfWeek) {
        expect({ epochDay, ...civil, weekday: weekdayOfEpochDay(epochDay) }).toEqual({ epochDay, year: date.year, month: date.month, day: date.day, weekday: date.dayOfWeek });
      }
      expect(isoDateOfEpochDay(epochDay) === date.toString()).toBe(true);
    }
  });

  it.each([
    { value: "2026-02-28", ok: true },
    { value: "2028-02-29", ok: true },
    { value: "2026-02-29", ok: false },
    { value: "2026-13-01", ok: false },
    { value: "2026-1-5", ok: false },
    { value: "2026-01-05T00:00", ok: false },
  ])("isIsoDate($value) is $ok", ({ value, ok }) => expect(isIsoDate(value)).toBe(ok));

  it.each([
    { date: "2026-01-05", days: 7, expected: "2026-01-12" },
    { date: "2026-02-27", days: 2, expected: "2026-03-01" },
    { date: "2026-01-01", days: -1, expected: "2025-12-31" },
  ])("$date + $days days = $expected", ({ date, days, expected }) => expect(addDaysToIsoDate(date, days)).toBe(expected));

  it("rejects a malformed date loudly", () => expect(() => epochDayOfIsoDate("05/01/2026")).toThrow(RangeError));
});
