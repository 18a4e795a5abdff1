import { describe, expect, it } from "vitest";
import { epochMsOfIsoInstant } from "../time/zoned-time";
import { holidaySet } from "./burden";
import { estimatePageRates, expectedPageBurden, pageExposure, pageRateBucket } from "./expected-pages";

const ms = epochMsOfIsoInstant;
const NY = "America/New_York";

describe("pageRateBucket: hour of day in the schedule's zone, working days and rest days apart", () => {
  it.each([
    { at: "2026-01-05T14:30:00Z", holidays: [], expected: 9 }, // Monday 09:30
    { at: "2026-01-10T14:30:00Z", holidays: [], expected: 24 + 9 }, // Saturday 09:30
    { at: "2026-01-19T14:30:00Z", holidays: ["2026-01-19"], expected: 24 + 9 }, // holiday Monday
    { at: "2026-01-06T04:59:00Z", holidays: [], expected: 23 }, // Monday 23:59
  ])("$at → $expected", ({ at, holidays, expected }) => {
    expect(pageRateBucket(ms(at), NY, holidaySet(holidays))).toBe(expected);
  });
});

describe("estimatePageRates and expectedPageBurden", () => {
  const from = ms("2026-01-05T05:00:00Z"); // Monday 00:00 New York
  const to = ms("2026-01-19T05:00:00Z"); // two weeks later
  const timeline = pageExposure(from, to, NY, [], holidaySet([])).buckets;
  // A page at 03:10 every working night for two weeks: ten pages over ten hours of that bucket.
  const nightly = Array.from({ length: 14 }, (_, d) => from + d * 86_400_000 + 3 * 3_600_000 + 600_000).filter((at) => pageRateBucket(at, NY, holidaySet([])) === 3);

  it("no pages seen, no pages expected", () => {
    expect([...estimatePageRates([], from, to, timeline, NY, holidaySet([]), 12)].every((r) => r === 0)).toBe(true);
  });

  it("a bucket's rate is its pages per hour observed, pulled towards the overall rate by the prior", () => {
    const raw = estimatePageRates(nightly, from, to, timeline, NY, holidaySet([]), 0);
    expect(raw[3]).toBeCloseTo(1, 9); // 10 pages in 10 hours
    expect(raw[4]).toBe(0);
    const shrunk = estimatePageRates(nightly, from, to, timeline, NY, holidaySet([]), 12);
    const overall = 10 / (14 * 24);
    expect(shrunk[3]).toBeCloseTo((10 + 12 * overall) / (10 + 12), 9);
    expect(shrunk[4]).toBeCloseTo((12 * overall) / (10 + 12), 9);
  });

  it("only pages inside the observed window count", () => {
    const later = estimatePageRates(nightly, from, from + 86_400_000, timeline, NY, holidaySet([]), 0);
    expect(later[3]).toBeCloseTo(1, 9); // the Monday-night page at 03:10 Tuesday is after the first day
  });

  it("expected burden weighs each member's sleep band: 03:00 New York is 08:00 in London", () => {
    const rates = estimatePageRates(nightly, from, to, timeline, NY, holidaySet([]), 0);
    const week = pageExposure(to, to + 7 * 86_400_000, NY, [NY, "Europe/London"], holidaySet([]));
    expect(expectedPageBurden(week, 0, rates)).toBeCloseTo(5 * 3, 9); // five working nights, asleep
    expect(expectedPageBurden(week, 1, rates)).toBeCloseTo(5 * 1, 9); // awake in London
    expect(expectedPageBurden(week, 0, rates, to + 2 * 86_400_000)).toBeCloseTo(3 * 3, 9); // from Wednesday on
  });
});
