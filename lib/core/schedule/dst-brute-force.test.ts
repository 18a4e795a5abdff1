import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { MINUTE_MS } from "../time/local-time";
import { instantOfWallMsWithTemporal, toIsoInstant } from "../time/zoned-time";
import { onCallAt } from "./on-call-at";
import { rotationShiftsBetween } from "./rotation-shifts";
import type { RotationLayer, ShiftLength } from "./types";

/**
 * GoAlert's TestRotation_StartEnd_BruteForce, on the real 2026 DST weekends: walk Friday →
 * Tuesday in 15-minute steps and check that the shift holding each instant starts and ends
 * exactly at the handoffs computed independently with Temporal alone.
 */

const WEEKENDS = [
  { zone: "America/New_York", change: "2026-03-08", inGap: "02:30" },
  { zone: "America/New_York", change: "2026-11-01", inGap: "01:30" },
  { zone: "America/Chicago", change: "2026-03-08", inGap: "02:30" },
  { zone: "America/Chicago", change: "2026-11-01", inGap: "01:30" },
  { zone: "Europe/London", change: "2026-03-29", inGap: "01:30" },
  { zone: "Europe/London", change: "2026-10-25", inGap: "01:30" },
  { zone: "Australia/Sydney", change: "2026-04-05", inGap: "02:30" },
  { zone: "Australia/Sydney", change: "2026-10-04", inGap: "02:30" },
  { zone: "Australia/Lord_Howe", change: "2026-04-05", inGap: "01:45" },
  { zone: "Australia/Lord_Howe", change: "2026-10-04", inGap: "02:15" },
];

const UNIT = { hours: "hours", days: "days", weeks: "weeks" } as const;

function rotations(inGap: string, change: string): { name: string; shift: ShiftLength; handoffTime: string }[] {
  return [
    { name: "daily 09:00", shift: { unit: "days", count: 1 }, handoffTime: "09:00" },
    { name: `daily ${inGap} (the changing hour)`, shift: { unit: "days", count: 1 }, handoffTime: inGap },
    { name: "weekly 09:00", shift: { unit: "weeks", count: 1 }, handoffTime: "09:00" },
    { name: "12-hourly 08:00/20:00", shift: { unit: "hours", count: 12 }, handoffTime: "08:00" },
    { name: "4-hourly from 00:00", shift: { unit: "hours", count: 4 }, handoffTime: "00:00" },
    { name: "hourly at :00", shift: { unit: "hours", count: 1 }, handoffTime: "00:00" },
    { name: `every 3 days at ${inGap}`, shift: { unit: "days", count: 3 }, handoffTime: inGap },
  ].map((r) => ({ ...r, name: `${r.name} (${change})` })) as { name: string; shift: ShiftLength; handoffTime: string }[];
}

/** Handoffs from Temporal alone: wall-clock arithmetic on PlainDateTime, then the gap/overlap rule. */
function referenceHandoffs(layer: RotationLayer, zone: string, until: number): number[] {
  const first = Temporal.PlainDateTime.from(`${layer.startDate}T${layer.handoffTime}`);
  const out: number[] = [];
  for (let k = 0; k < 2000; k++) {
    const local = first.add({ [UNIT[layer.shift.unit]]: k * layer.shift.count });
    const at = instantOfWallMsWithTemporal(local.toZonedDateTime("UTC").epochMilliseconds, zone);
    if (out[out.length - 1] !== at) out.push(at);
    if (at > until) break;
  }
  return out;
}

const cases = WEEKENDS.flatMap(({ zone, change, inGap }) => rotations(inGap, change).map((r) => ({ zone, change, ...r })));

describe("brute force: every 15 minutes of each 2026 DST weekend", () => {
  it.each(cases)("$zone $name", ({ zone, change, shift, handoffTime }) => {
    const changeDate = Temporal.PlainDate.from(change);
    // Start the rotation a few weeks before so the walk is mid-rotation.
    const layer: RotationLayer = { id: "l", participants: ["a", "b", "c", "d", "e"], shift, handoffTime, startDate: changeDate.subtract({ days: 23 }).toString() };
    const walkFrom = changeDate.subtract({ days: 2 }).toZonedDateTime(zone).epochMilliseconds;
    const walkTo = changeDate.add({ days: 2 }).toZonedDateTime(zone).epochMilliseconds;
    const handoffs = referenceHandoffs(layer, zone, walkTo + 30 * 86_400_000);
    const schedule = { timeZone: zone, layers: [layer] };

    let steps = 0;
    for (let at = walkFrom; at < walkTo; at += 15 * MINUTE_MS, steps++) {
      const i = handoffs.findLastIndex((h) => h <= at);
      const expected = { start: toIsoInstant(handoffs[i]!), end: toIsoInstant(handoffs[i + 1]!) };
      const [actual] = rotationShiftsBetween(layer, zone, at, at + 1);
      expect({ at: toIsoInstant(at), start: toIsoInstant(actual!.start), end: toIsoInstant(actual!.end) }).toEqual({ at: toIsoInstant(at), ...expected });
      expect(onCallAt(schedule, at).userId).toBe(actual!.userId);
    }
    expect(steps).toBeGreaterThanOrEqual(4 * 24 * 4 - 4);

    const seen = rotationShiftsBetween(layer, zone, walkFrom, walkTo).map((s) => s.start);
    expect(seen.map(toIsoInstant)).toEqual(handoffs.filter((h, j) => h < walkTo && (handoffs[j + 1] ?? Infinity) > walkFrom).map(toIsoInstant));
  });
});
