import { describe, expect, it } from "vitest";
import { dayPieceTime, formatDateRange, formatInstant, formatLocalDate, formatRange, formatTime } from "./format";

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

  it.each([
    { from: "2026-12-20", to: "2026-12-23", expected: "Sun, Dec 20 – Wed, Dec 23" },
    { from: "2026-12-20", to: "2026-12-20", expected: "Sun, Dec 20" },
    { from: "2199-01-01", to: "2199-01-05", expected: "Tue, Jan 1, 2199 – Sat, Jan 5, 2199" },
    { from: "2027-01-04", to: "2027-01-08", expected: "Mon, Jan 4, 2027 – Fri, Jan 8, 2027" },
    { from: "2027-01-04", to: "2027-01-04", expected: "Mon, Jan 4, 2027" },
    { from: "2026-12-28", to: "2027-01-02", expected: "Mon, Dec 28, 2026 – Sat, Jan 2, 2027" },
  ])("with today 2026-11-24, $from → $to names the year only when it isn't this one: $expected", ({ from, to, expected }) => {
    expect(formatDateRange(from, to, { today: "2026-11-24" })).toBe(expected);
  });
});

describe("formatInstant, formatTime and formatRange (24-hour, in the schedule's zone)", () => {
  it.each([
    { at: "2026-11-23T14:00:00Z", zone: "America/New_York", instant: "Mon, Nov 23, 09:00", time: "09:00" },
    { at: "2026-11-24T03:30:00Z", zone: "America/Los_Angeles", instant: "Mon, Nov 23, 19:30", time: "19:30" },
    { at: "2026-11-23T23:15:00Z", zone: "Australia/Sydney", instant: "Tue, Nov 24, 10:15", time: "10:15" },
    { at: "2026-11-23T05:00:00Z", zone: "America/New_York", instant: "Mon, Nov 23, 00:00", time: "00:00" },
  ])("$at in $zone reads $instant", ({ at, zone, instant, time }) => {
    expect(formatInstant(at, zone)).toBe(instant);
    expect(formatTime(at, zone)).toBe(time);
  });

  it("names the zone as it is at each end, across a DST change", () => {
    expect(formatInstant("2026-10-26T13:00:00Z", "America/New_York", { withZone: true })).toBe("Mon, Oct 26, 09:00 EDT");
    expect(formatRange("2026-10-26T13:00:00Z", "2026-11-02T14:00:00Z", "America/New_York", { withZone: true })).toBe("Mon, Oct 26, 09:00 – Mon, Nov 2, 09:00 EST");
    expect(formatRange("2026-11-23T13:00:00Z", "2026-11-23T21:00:00Z", "America/New_York")).toBe("Mon, Nov 23, 08:00 – 16:00");
  });
});

describe("dayPieceTime (a shift's piece of one calendar day)", () => {
  const NY = "America/New_York";
  it.each([
    { name: "starts and ends that day", start: "2026-11-24T14:00:00Z", end: "2026-11-24T22:00:00Z", isStart: true, isEnd: true, expected: "09:00 – 17:00" },
    { name: "starts that day, runs on", start: "2026-11-24T14:00:00Z", end: "2026-11-30T14:00:00Z", isStart: true, isEnd: false, expected: "from 09:00" },
    { name: "ends that day", start: "2026-11-23T14:00:00Z", end: "2026-11-24T14:00:00Z", isStart: false, isEnd: true, expected: "until 09:00" },
    { name: "a day in the middle", start: "2026-11-23T14:00:00Z", end: "2026-11-30T14:00:00Z", isStart: false, isEnd: false, expected: "all day" },
    { name: "ends at the day's midnight: runs to its end, not 'until 00:00'", start: "2026-11-23T14:00:00Z", end: "2026-11-25T05:00:00Z", isStart: false, isEnd: true, expected: "all day" },
    { name: "midnight to midnight", start: "2026-11-26T05:00:00Z", end: "2026-11-27T05:00:00Z", isStart: true, isEnd: true, expected: "all day" },
    { name: "from 09:00 to midnight", start: "2026-11-24T14:00:00Z", end: "2026-11-25T05:00:00Z", isStart: true, isEnd: true, expected: "from 09:00" },
    { name: "from midnight, running on", start: "2026-11-26T05:00:00Z", end: "2026-11-28T05:00:00Z", isStart: true, isEnd: false, expected: "all day" },
    { name: "from midnight to the afternoon", start: "2026-11-26T05:00:00Z", end: "2026-11-26T20:00:00Z", isStart: true, isEnd: true, expected: "00:00 – 15:00" },
  ])("$name: $expected", ({ start, end, isStart, isEnd, expected }) => {
    expect(dayPieceTime({ start, end }, NY, isStart, isEnd)).toBe(expected);
  });
});

describe("formatRange with now", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  it("leaves the year out within now's year and names it outside", () => {
    expect(formatRange("2026-11-30T14:00:00Z", "2026-12-07T14:00:00Z", "America/New_York", { now })).toBe("Mon, Nov 30, 09:00 – Mon, Dec 7, 09:00");
    expect(formatRange("2026-12-28T14:00:00Z", "2027-01-04T14:00:00Z", "America/New_York", { now })).toBe("Mon, Dec 28, 2026, 09:00 – Mon, Jan 4, 2027, 09:00");
    expect(formatRange("2027-10-11T13:00:00Z", "2027-10-11T17:00:00Z", "America/New_York", { now, withZone: true })).toBe("Mon, Oct 11, 2027, 09:00 – 13:00 EDT");
  });
});
