import { describe, expect, it } from "vitest";
import { epochMsOfIsoInstant } from "../time/zoned-time";
import { DEFAULT_BURDEN_WEIGHTS, holidaySet, hourBurden, isSleepBandPage, pageBurden, shiftBurden } from "./burden";

const ms = epochMsOfIsoInstant;
const NY = "America/New_York";
const LONDON = "Europe/London";
const none = holidaySet([]);

describe("hourBurden: each on-call hour weighs by the member's local date and time", () => {
  it.each([
    { name: "weekday 09:00–17:00 (day band)", zone: NY, from: "2026-01-05T14:00:00Z", to: "2026-01-05T22:00:00Z", expected: 8 },
    { name: "weekday 06:00–10:00: 2 h × 1.5 + 2 h × 1", zone: NY, from: "2026-01-05T11:00:00Z", to: "2026-01-05T15:00:00Z", expected: 5 },
    { name: "Mon 17:00 → Tue 09:00: 1 + 6 × 1.5 + 8 × 1.5 + 1", zone: NY, from: "2026-01-05T22:00:00Z", to: "2026-01-06T14:00:00Z", expected: 23 },
    { name: "half an hour of evening: 0.5 × 1.5", zone: NY, from: "2026-01-05T23:00:00Z", to: "2026-01-05T23:30:00Z", expected: 0.75 },
    { name: "a Saturday: 24 × 2", zone: NY, from: "2026-01-10T05:00:00Z", to: "2026-01-11T05:00:00Z", expected: 48 },
    { name: "a whole week from Monday 09:00: 50 + 70 × 1.5 + 48 × 2", zone: NY, from: "2026-01-05T14:00:00Z", to: "2026-01-12T14:00:00Z", expected: 251 },
    { name: "NY spring-forward Sunday (23 h): 46", zone: NY, from: "2026-03-08T05:00:00Z", to: "2026-03-09T04:00:00Z", expected: 46 },
    { name: "NY fall-back Sunday (25 h): 50", zone: NY, from: "2026-11-01T04:00:00Z", to: "2026-11-02T05:00:00Z", expected: 50 },
    { name: "NY weekly shift across spring forward (167 h, the lost hour a Sunday one): 249", zone: NY, from: "2026-03-02T14:00:00Z", to: "2026-03-09T13:00:00Z", expected: 249 },
    { name: "NY weekly shift across fall back (169 h): 253", zone: NY, from: "2026-10-26T13:00:00Z", to: "2026-11-02T14:00:00Z", expected: 253 },
    { name: "London spring-forward Sunday (23 h): 46", zone: LONDON, from: "2026-03-29T00:00:00Z", to: "2026-03-29T23:00:00Z", expected: 46 },
    { name: "Lord Howe spring Sunday (23.5 h): 47", zone: "Australia/Lord_Howe", from: "2026-10-03T13:30:00Z", to: "2026-10-04T13:00:00Z", expected: 47 },
    { name: "Lord Howe autumn Sunday (24.5 h): 49", zone: "Australia/Lord_Howe", from: "2026-04-04T13:00:00Z", to: "2026-04-05T13:30:00Z", expected: 49 },
    { name: "London member, NY Friday 20:00–24:00 = their Saturday 01:00–05:00: 4 × 2", zone: LONDON, from: "2026-01-10T01:00:00Z", to: "2026-01-10T05:00:00Z", expected: 8 },
    { name: "NY member, the same four hours on their Friday evening: 4 × 1.5", zone: NY, from: "2026-01-10T01:00:00Z", to: "2026-01-10T05:00:00Z", expected: 6 },
  ])("$name", ({ zone, from, to, expected }) => {
    expect(hourBurden(ms(from), ms(to), zone, none)).toBeCloseTo(expected, 9);
  });

  it.each([
    { name: "a holiday Monday weighs 3 all day", zone: NY, from: "2026-01-19T05:00:00Z", to: "2026-01-20T05:00:00Z", holidays: ["2026-01-19"], expected: 72 },
    { name: "a holiday on a Saturday weighs 3, not 2", zone: NY, from: "2026-07-04T04:00:00Z", to: "2026-07-05T04:00:00Z", holidays: ["2026-07-04"], expected: 72 },
    {
      name: "holidays match the member's local date: NY 19:00 Jan 18 – 19:00 Jan 19 is all Jan 19 in London",
      zone: LONDON, from: "2026-01-19T00:00:00Z", to: "2026-01-20T00:00:00Z", holidays: ["2026-01-19"], expected: 72,
    },
    {
      name: "…and only part of it in New York (00:00–19:00 holiday, 19:00–24:00 Monday evening)",
      zone: NY, from: "2026-01-19T00:00:00Z", to: "2026-01-20T00:00:00Z", holidays: ["2026-01-19"], expected: 5 * 2 + 19 * 3,
    },
  ])("$name", ({ zone, from, to, holidays, expected }) => {
    // The first NY case: Sunday Jan 18 19:00–24:00 (5 h × 2) then the holiday until 19:00 (19 h × 3).
    expect(hourBurden(ms(from), ms(to), zone, holidaySet(holidays))).toBeCloseTo(expected, 9);
  });

  it("weights are configurable", () => {
    const weights = { ...DEFAULT_BURDEN_WEIGHTS, weekendHour: 4, weekdayDayBand: { start: "09:00", end: "17:00" } };
    expect(hourBurden(ms("2026-01-10T05:00:00Z"), ms("2026-01-11T05:00:00Z"), NY, none, weights)).toBe(96);
    expect(hourBurden(ms("2026-01-05T13:00:00Z"), ms("2026-01-05T14:00:00Z"), NY, none, weights)).toBe(1.5); // 08:00–09:00 is outside 09–17
  });
});

describe("page burden: 1 awake, 3 in the member's sleep band (22:00–08:00)", () => {
  it.each([
    { at: "2026-01-05T12:59:00Z", zone: NY, local: "07:59", expected: 3 },
    { at: "2026-01-05T13:00:00Z", zone: NY, local: "08:00", expected: 1 },
    { at: "2026-01-06T02:59:00Z", zone: NY, local: "21:59", expected: 1 },
    { at: "2026-01-06T03:00:00Z", zone: NY, local: "22:00", expected: 3 },
    { at: "2026-01-05T22:30:00Z", zone: LONDON, local: "22:30", expected: 3 },
    { at: "2026-01-05T22:30:00Z", zone: NY, local: "17:30", expected: 1 },
    { at: "2026-03-08T07:30:00Z", zone: NY, local: "03:30 EDT, the DST night", expected: 3 },
  ])("$local in $zone → $expected", ({ at, zone, expected }) => {
    expect(pageBurden(ms(at), zone)).toBe(expected);
    expect(isSleepBandPage(ms(at), zone)).toBe(expected === 3);
  });
});

describe("shiftBurden", () => {
  const start = ms("2026-01-05T14:00:00Z");
  const end = ms("2026-01-12T14:00:00Z");

  it("adds the pages inside [start, end) to the hours, and counts sleep-band pages", () => {
    const pages = [
      "2026-01-05T13:59:00Z", // before the shift
      "2026-01-05T14:00:00Z", // at the start: in (09:00, awake)
      "2026-01-06T08:00:00Z", // 03:00: asleep
      "2026-01-07T04:00:00Z", // 23:00: asleep
      "2026-01-12T14:00:00Z", // at the end: the next shift's
    ].map(ms);
    expect(shiftBurden(start, end, NY, none, pages)).toEqual({ hours: 168, hourBurden: 251, pages: 3, sleepBandPages: 2, pageBurden: 7, total: 258, arduous: false });
  });

  it("is arduous with three sleep-band pages", () => {
    const pages = ["2026-01-06T08:00:00Z", "2026-01-07T08:00:00Z", "2026-01-08T08:00:00Z"].map(ms);
    expect(shiftBurden(start, end, NY, none, pages)).toMatchObject({ sleepBandPages: 3, pageBurden: 9, arduous: true });
    // The same pages are London mornings (08:00): not arduous for a member there.
    expect(shiftBurden(start, end, LONDON, none, pages)).toMatchObject({ sleepBandPages: 0, pageBurden: 3, arduous: false });
  });
});
