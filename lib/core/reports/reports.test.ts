import { describe, expect, it } from "vitest";
import { holidaySet } from "../fairness/burden";
import { epochMsOfIsoInstant as ms } from "../time/zoned-time";
import { countInterruptions, durationStats, interruptionBand, isoWeekKey, isoWeekKeysBetween, isoWeekLabel, mergeInterruptions, nearestRank } from ".";

const NY = "America/New_York";

describe("durationStats: mean, median (middle or mean of the two middles), p90 nearest-rank", () => {
  it.each([
    { name: "empty", values: [], expected: { count: 0, mean: null, median: null, p90: null } },
    { name: "one value", values: [5], expected: { count: 1, mean: 5, median: 5, p90: 5 } },
    { name: "two values: median their mean, p90 rank ⌈1.8⌉ = 2", values: [10, 20], expected: { count: 2, mean: 15, median: 15, p90: 20 } },
    { name: "five minutes-ish, unsorted: rank ⌈4.5⌉ = 5", values: [4, 2, 10, 6, 8], expected: { count: 5, mean: 6, median: 6, p90: 10 } },
    { name: "ten values 1..10: p90 rank 9", values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], expected: { count: 10, mean: 5.5, median: 5.5, p90: 9 } },
    { name: "eleven values 1..11: p90 rank ⌈9.9⌉ = 10", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], expected: { count: 11, mean: 6, median: 6, p90: 10 } },
  ])("$name", ({ values, expected }) => {
    expect(durationStats(values)).toEqual(expected);
  });

  it("does not sort the caller's array", () => {
    const values = [3, 1, 2];
    durationStats(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("nearestRank at 0 is the minimum", () => expect(nearestRank([1, 2, 3], 0)).toBe(1));
});

describe("mergeInterruptions: chain rule, a page within 60 s of the previous one joins", () => {
  const t0 = ms("2026-03-10T12:00:00Z");
  it.each([
    { name: "nothing", offsets: [], expected: [] },
    { name: "30 s apart: one", offsets: [0, 30], expected: [[0, 30, 2]] },
    { name: "exactly 60 s apart: one", offsets: [0, 60], expected: [[0, 60, 2]] },
    { name: "61 s apart: two", offsets: [0, 61], expected: [[0, 0, 1], [61, 61, 1]] },
    { name: "90 s apart: two", offsets: [0, 90], expected: [[0, 0, 1], [90, 90, 1]] },
    { name: "a chain 0, 50, 100, 150: one (each within 60 s of the one before)", offsets: [0, 50, 100, 150], expected: [[0, 150, 4]] },
    { name: "same instant on three channels: one", offsets: [0, 0, 0], expected: [[0, 0, 3]] },
    { name: "unsorted input", offsets: [200, 0, 30], expected: [[0, 30, 2], [200, 200, 1]] },
  ])("$name", ({ offsets, expected }) => {
    const got = mergeInterruptions(offsets.map((s) => t0 + s * 1000));
    expect(got.map((i) => [(i.start - t0) / 1000, (i.end - t0) / 1000, i.notifications])).toEqual(expected);
  });
});

describe("interruptionBand: in the person's own zone, by the burden model's bands", () => {
  it.each([
    { name: "NY Tuesday 10:00 local: business", at: "2026-03-10T14:00:00Z", zone: NY, expected: "business" },
    { name: "NY Tuesday 07:59 local: sleep (sleep band ends 08:00)", at: "2026-03-10T11:59:00Z", zone: NY, expected: "sleep" },
    { name: "NY Tuesday 08:00 local: business", at: "2026-03-10T12:00:00Z", zone: NY, expected: "business" },
    { name: "NY Tuesday 18:00 local: off-hours", at: "2026-03-10T22:00:00Z", zone: NY, expected: "off_hours" },
    { name: "NY Tuesday 21:59 local: off-hours", at: "2026-03-11T01:59:00Z", zone: NY, expected: "off_hours" },
    { name: "NY Tuesday 22:00 local: sleep", at: "2026-03-11T02:00:00Z", zone: NY, expected: "sleep" },
    { name: "NY Saturday noon: off-hours", at: "2026-03-14T16:00:00Z", zone: NY, expected: "off_hours" },
    { name: "same instant 03:00 UTC is sleep in NY (23:00)…", at: "2026-03-12T03:00:00Z", zone: NY, expected: "sleep" },
    { name: "…business-hours in Kolkata (08:30 IST Thursday)", at: "2026-03-12T03:00:00Z", zone: "Asia/Kolkata", expected: "business" },
    { name: "…and sleep in UTC itself", at: "2026-03-12T03:00:00Z", zone: "UTC", expected: "sleep" },
    { name: "DST spring forward 2026-03-08 NY: 03:30 EDT Sunday is sleep", at: "2026-03-08T07:30:00Z", zone: NY, expected: "sleep" },
    { name: "DST spring forward: Monday 08:00 EDT (12:00Z, not 13:00Z) is business", at: "2026-03-09T12:00:00Z", zone: NY, expected: "business" },
    { name: "…and 07:30 EDT Monday (11:30Z) still sleep", at: "2026-03-09T11:30:00Z", zone: NY, expected: "sleep" },
    { name: "DST fall back 2026-11-01 NY: 01:30 EST second pass is sleep", at: "2026-11-01T06:30:00Z", zone: NY, expected: "sleep" },
    { name: "fall back: Monday 08:00 EST is 13:00Z: business", at: "2026-11-02T13:00:00Z", zone: NY, expected: "business" },
    { name: "fall back: Monday 12:30Z is 07:30 EST: sleep", at: "2026-11-02T12:30:00Z", zone: NY, expected: "sleep" },
  ])("$name", ({ at, zone, expected }) => {
    expect(interruptionBand(ms(at), zone)).toBe(expected);
  });

  it("a holiday weekday daytime is off-hours", () => {
    expect(interruptionBand(ms("2026-01-19T15:00:00Z"), NY, holidaySet(["2026-01-19"]))).toBe("off_hours");
  });
});

describe("countInterruptions: merged first, then the interruption's start decides the band", () => {
  it("pages across midnight in NY: 21:59:30 and 22:00:20 local are one off-hours interruption; 22:05 another in sleep", () => {
    const at = (s: string) => ms(s);
    expect(countInterruptions([at("2026-03-11T01:59:30Z"), at("2026-03-11T02:00:20Z"), at("2026-03-11T02:05:00Z")], NY)).toEqual({ business: 0, off_hours: 1, sleep: 1, total: 2 });
  });
  it("nothing: zeros", () => expect(countInterruptions([], NY)).toEqual({ business: 0, off_hours: 0, sleep: 0, total: 0 }));
  it("30 s apart merged, 90 s apart not", () => {
    const t = ms("2026-03-10T15:00:00Z");
    expect(countInterruptions([t, t + 30_000, t + 30_000 + 90 * 1000], NY).total).toBe(2);
  });
});

describe("ISO weeks (Monday, UTC)", () => {
  it.each([
    { at: "2026-03-08T23:59:59Z", key: "2026-03-02", label: "2026-W10" }, // Sunday belongs to the week before
    { at: "2026-03-09T00:00:00Z", key: "2026-03-09", label: "2026-W11" },
    { at: "2026-11-01T06:30:00Z", key: "2026-10-26", label: "2026-W44" },
    { at: "2027-01-01T12:00:00Z", key: "2026-12-28", label: "2026-W53" }, // 2026 has 53 ISO weeks
    { at: "2025-12-29T00:00:00Z", key: "2025-12-29", label: "2026-W01" },
  ])("$at → $key ($label)", ({ at, key, label }) => {
    expect(isoWeekKey(ms(at))).toBe(key);
    expect(isoWeekLabel(key)).toBe(label);
  });

  it("every week touching the period, oldest first", () => {
    expect(isoWeekKeysBetween(ms("2026-03-04T00:00:00Z"), ms("2026-03-23T00:00:00Z"))).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(isoWeekKeysBetween(ms("2026-03-04T00:00:00Z"), ms("2026-03-23T00:00:01Z"))).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(isoWeekKeysBetween(ms("2026-03-04T00:00:00Z"), ms("2026-03-04T00:00:00Z"))).toEqual([]);
  });
});
