import { describe, expect, it } from "vitest";
import { isWithinBusinessHours, nextBusinessHoursStart, uniformBusinessHours, type BusinessHours } from "./index";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;
const nineToFive = uniformBusinessHours(WEEKDAYS, { start: "09:00", end: "17:00" });
const US_2026 = ["2026-01-01", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"];
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("nextBusinessHoursStart", () => {
  it.each([
    { name: "Fri 18:00 New York before spring forward → Mon 09:00 EDT", zone: "America/New_York", at: "2026-03-06T23:00:00Z", expected: "2026-03-09T13:00:00.000Z" },
    { name: "Fri 18:00 New York before fall back → Mon 09:00 EST", zone: "America/New_York", at: "2026-10-30T22:00:00Z", expected: "2026-11-02T14:00:00.000Z" },
    { name: "Wed evening before Thanksgiving → Fri 09:00", zone: "America/New_York", at: "2026-11-25T23:30:00Z", expected: "2026-11-27T14:00:00.000Z" },
    { name: "Christmas Eve evening → Mon 28th (Christmas Friday, weekend)", zone: "America/New_York", at: "2026-12-24T22:30:00Z", expected: "2026-12-28T14:00:00.000Z" },
    { name: "Thu before the Independence Day holiday → Mon", zone: "America/New_York", at: "2026-07-02T21:00:00Z", expected: "2026-07-06T13:00:00.000Z" },
    { name: "inside business hours: now", zone: "America/New_York", at: "2026-11-23T15:00:00Z", expected: "2026-11-23T15:00:00.000Z" },
    { name: "the closing minute: next morning", zone: "America/New_York", at: "2026-11-23T22:00:00Z", expected: "2026-11-24T14:00:00.000Z" },
    { name: "one minute before opening", zone: "America/New_York", at: "2026-11-24T13:59:00Z", expected: "2026-11-24T14:00:00.000Z" },
    { name: "Sat in London (BST → GMT weekend)", zone: "Europe/London", at: "2026-10-24T12:00:00Z", expected: "2026-10-26T09:00:00.000Z" },
    { name: "Fri evening Kolkata (no DST, +05:30)", zone: "Asia/Kolkata", at: "2026-03-06T13:00:00Z", expected: "2026-03-09T03:30:00.000Z" },
    { name: "Sun in Sydney, DST ends that morning", zone: "Australia/Sydney", at: "2026-04-04T22:00:00Z", expected: "2026-04-05T23:00:00.000Z" },
    { name: "Lord Howe, 30-minute shift weekend", zone: "Australia/Lord_Howe", at: "2026-10-02T07:00:00Z", expected: "2026-10-04T22:00:00.000Z" },
  ])("$name", ({ zone, at: when, expected }) => {
    expect(iso(nextBusinessHoursStart(nineToFive, US_2026, zone, at(when)))).toBe(expected);
  });

  it("a window starting inside the spring-forward gap opens when the gap ends", () => {
    const night = uniformBusinessHours(["sun"], { start: "02:30", end: "04:00" });
    // Sun 2026-03-08 02:30 does not exist in New York: 03:00 EDT = 07:00Z.
    expect(iso(nextBusinessHoursStart(night, [], "America/New_York", at("2026-03-08T05:00:00Z")))).toBe("2026-03-08T07:00:00.000Z");
  });

  it("a window whose local time repeats at fall back opens again where the clock falls back into it", () => {
    const late = uniformBusinessHours(["sun"], { start: "00:30", end: "01:30" });
    // Sun 2026-11-01 New York: 00:30–01:30 EDT (04:30–05:30Z); at 06:00Z the clock shows 01:00 EST, inside again.
    expect(iso(nextBusinessHoursStart(late, [], "America/New_York", at("2026-11-01T05:40:00Z")))).toBe("2026-11-01T06:00:00.000Z");
    const repeat = uniformBusinessHours(["sun"], { start: "01:15", end: "01:45" });
    expect(iso(nextBusinessHoursStart(repeat, [], "America/New_York", at("2026-11-01T05:50:00Z")))).toBe("2026-11-01T06:15:00.000Z");
  });

  it("several windows a day and 24:00", () => {
    const split: BusinessHours = { ...uniformBusinessHours([], { start: "00:00", end: "01:00" }), mon: [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "24:00" }], tue: [{ start: "00:00", end: "02:00" }] };
    expect(iso(nextBusinessHoursStart(split, [], "UTC", at("2026-11-23T12:30:00Z")))).toBe("2026-11-23T13:00:00.000Z");
    expect(iso(nextBusinessHoursStart(split, [], "UTC", at("2026-11-23T23:59:00Z")))).toBe("2026-11-23T23:59:00.000Z");
    expect(iso(nextBusinessHoursStart(split, [], "UTC", at("2026-11-24T02:00:00Z")))).toBe("2026-11-30T08:00:00.000Z");
  });

  it("returns null when there are no business hours, or only holidays ahead within the cap", () => {
    expect(nextBusinessHoursStart(uniformBusinessHours([], { start: "09:00", end: "17:00" }), [], "UTC", at("2026-11-23T12:00:00Z"))).toBeNull();
    const everyDay = Array.from({ length: 900 }, (_, i) => new Date(Date.UTC(2026, 10, 23) + i * 86_400_000).toISOString().slice(0, 10));
    expect(nextBusinessHoursStart(nineToFive, everyDay, "UTC", at("2026-11-23T18:00:00Z"))).toBeNull();
  });

  it("agrees with a minute-by-minute walk of isWithinBusinessHours over DST weekends, in 15-minute steps", () => {
    const cases = [
      { zone: "America/New_York", from: "2026-03-06T20:00:00Z", hours: nineToFive },
      { zone: "America/New_York", from: "2026-10-30T20:00:00Z", hours: nineToFive },
      { zone: "Europe/London", from: "2026-03-27T15:00:00Z", hours: uniformBusinessHours(["mon", "tue", "wed", "thu", "fri", "sat"], { start: "07:00", end: "19:00" }) },
      { zone: "Australia/Lord_Howe", from: "2026-04-03T05:00:00Z", hours: { ...nineToFive, sun: [{ start: "01:00", end: "02:30" }] } },
      { zone: "America/New_York", from: "2026-10-31T20:00:00Z", hours: { ...nineToFive, sun: [{ start: "01:10", end: "01:50" }] } },
    ];
    for (const c of cases) {
      const start = at(c.from).getTime();
      // The oracle: Intl's wall clock minute by minute over the whole span, computed once.
      const minutes = 7 * 24 * 60;
      const open = Array.from({ length: minutes }, (_, m) => isWithinBusinessHours(c.hours, US_2026, c.zone, new Date(start + m * 60_000)));
      for (let step = 0; step < 4 * 24 * 3; step++) {
        const from = new Date(start + step * 15 * 60_000);
        const m = open.indexOf(true, step * 15);
        const expected = m === -1 ? null : new Date(start + m * 60_000).toISOString();
        expect({ zone: c.zone, from: from.toISOString(), next: iso(nextBusinessHoursStart(c.hours, US_2026, c.zone, from)) }).toEqual({ zone: c.zone, from: from.toISOString(), next: expected });
      }
    }
  }, 60_000);
});
