import { describe, expect, it } from "vitest";
import { describeDeferral, formatInZone, formatStamp } from "./format";

describe("formatStamp", () => {
  it.each([
    // instant, zone, named, expected
    ["2026-11-23T14:14:00Z", "America/New_York", true, "2026-11-23 09:14 EST"],
    ["2026-07-01T14:14:00Z", "America/New_York", true, "2026-07-01 10:14 EDT"],
    // The US spring-forward night: 06:59Z is 01:59 EST, 07:00Z is 03:00 EDT.
    ["2026-03-08T06:59:00Z", "America/New_York", true, "2026-03-08 01:59 EST"],
    ["2026-03-08T07:00:00Z", "America/New_York", true, "2026-03-08 03:00 EDT"],
    // Across midnight into the next day in the reader's zone.
    ["2026-11-23T23:30:00Z", "Australia/Sydney", false, "2026-11-24 10:30"],
    ["2026-11-23T00:05:00Z", "UTC", true, "2026-11-23 00:05 UTC"],
    // Each zone by the name its own people use, not an offset ("GMT+1").
    ["2026-07-01T14:14:00Z", "Europe/London", true, "2026-07-01 15:14 BST"],
    ["2026-11-23T14:14:00Z", "Europe/Paris", true, "2026-11-23 15:14 CET"],
    ["2026-11-23T23:30:00Z", "Australia/Sydney", true, "2026-11-24 10:30 AEDT"],
  ] as const)("%s in %s", (iso, zone, named, expected) => {
    expect(formatStamp(iso, zone, { named })).toBe(expected);
  });
  it("says — for no time", () => expect(formatStamp(null, "UTC")).toBe("—"));
});

describe("formatInZone and describeDeferral", () => {
  it("read in the client's clock, across the autumn change", () => {
    expect(formatInZone("2026-11-02T14:00:00Z", "America/New_York")).toBe("Mon 2 Nov, 09:00");
    expect(describeDeferral("2026-03-09T13:00:00Z", "America/New_York")).toBe("waits until Mon 9 Mar, 09:00 (client time, America/New_York)");
  });
});
