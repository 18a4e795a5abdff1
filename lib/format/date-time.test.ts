import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime } from "./date-time";

describe("formatDateTime and formatClock", () => {
  it.each([
    { at: "2026-11-24T09:14:05Z", zone: "UTC", dateTime: "24 Nov 2026, 09:14", withSeconds: "24 Nov 2026, 09:14:05", clock: "09:14" },
    { at: "2026-11-24T09:14:05Z", zone: "America/New_York", dateTime: "24 Nov 2026, 04:14", withSeconds: "24 Nov 2026, 04:14:05", clock: "04:14" },
    // The evening before in Los Angeles; the day after in Sydney (daylight time there).
    { at: "2026-11-24T03:30:00Z", zone: "America/Los_Angeles", dateTime: "23 Nov 2026, 19:30", withSeconds: "23 Nov 2026, 19:30:00", clock: "19:30" },
    { at: "2026-11-24T13:30:00Z", zone: "Australia/Sydney", dateTime: "25 Nov 2026, 00:30", withSeconds: "25 Nov 2026, 00:30:00", clock: "00:30" },
    // Either side of New York's fall-back: 01:30 happens twice.
    { at: "2026-11-01T05:30:00Z", zone: "America/New_York", dateTime: "1 Nov 2026, 01:30", withSeconds: "1 Nov 2026, 01:30:00", clock: "01:30" },
    { at: "2026-11-01T06:30:00Z", zone: "America/New_York", dateTime: "1 Nov 2026, 01:30", withSeconds: "1 Nov 2026, 01:30:00", clock: "01:30" },
  ])("$at in $zone", ({ at, zone, dateTime, withSeconds, clock }) => {
    expect(formatDateTime(at, zone)).toBe(dateTime);
    expect(formatDateTime(new Date(at), zone, { seconds: true })).toBe(withSeconds);
    expect(formatClock(Date.parse(at), zone)).toBe(clock);
  });
});
