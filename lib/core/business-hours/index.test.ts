import { describe, expect, it } from "vitest";
import { businessHoursSchema, describeBusinessHours, isWithinBusinessHours, uniformBusinessHours, wallClockAt } from "./index";

describe("businessHoursSchema", () => {
  it.each([
    { name: "one window a day", input: { mon: [{ start: "08:00", end: "18:00" }] }, ok: true },
    { name: "two windows a day", input: { tue: [{ start: "13:00", end: "17:00" }, { start: "08:00", end: "12:00" }] }, ok: true },
    { name: "until midnight", input: { sat: [{ start: "07:00", end: "24:00" }] }, ok: true },
    { name: "end before start", input: { mon: [{ start: "18:00", end: "08:00" }] }, ok: false },
    { name: "overlapping windows", input: { mon: [{ start: "08:00", end: "12:00" }, { start: "11:00", end: "13:00" }] }, ok: false },
    { name: "not HH:MM", input: { mon: [{ start: "8am", end: "18:00" }] }, ok: false },
    { name: "25:00", input: { mon: [{ start: "08:00", end: "25:00" }] }, ok: false },
    // The window's own checks still run after a field failed: they must refuse, not throw.
    { name: "blank and garbage fields", input: { mon: [{ start: "", end: "x" }, { start: "noon", end: "" }] }, ok: false },
  ])("$name", ({ input, ok }) => {
    expect(businessHoursSchema.safeParse(input).success).toBe(ok);
  });

  it("sorts windows within a day", () => {
    const parsed = businessHoursSchema.parse({ tue: [{ start: "13:00", end: "17:00" }, { start: "08:00", end: "12:00" }] });
    expect(parsed.tue.map((w) => w.start)).toEqual(["08:00", "13:00"]);
    expect(parsed.sun).toEqual([]);
  });
});

describe("describeBusinessHours", () => {
  it.each([
    { name: "Mon–Fri", days: ["mon", "tue", "wed", "thu", "fri"] as const, expected: "Mon–Fri 08:00–18:00" },
    { name: "Mon–Sat", days: ["mon", "tue", "wed", "thu", "fri", "sat"] as const, expected: "Mon–Sat 08:00–18:00" },
    { name: "single day", days: ["wed"] as const, expected: "Wed 08:00–18:00" },
    { name: "none", days: [] as const, expected: "No business hours" },
  ])("$name", ({ days, expected }) => {
    expect(describeBusinessHours(uniformBusinessHours(days, { start: "08:00", end: "18:00" }))).toBe(expected);
  });
});

describe("isWithinBusinessHours", () => {
  const acme = uniformBusinessHours(["mon", "tue", "wed", "thu", "fri"], { start: "08:00", end: "18:00" });
  it.each([
    { name: "Mon 08:00 New York (EST) opens", at: "2026-11-23T13:00:00Z", zone: "America/New_York", open: true },
    { name: "Mon 07:59 New York is closed", at: "2026-11-23T12:59:00Z", zone: "America/New_York", open: false },
    { name: "Mon 18:00 New York closes", at: "2026-11-23T23:00:00Z", zone: "America/New_York", open: false },
    { name: "Sat noon is closed", at: "2026-11-28T17:00:00Z", zone: "America/New_York", open: false },
    { name: "Thanksgiving noon is a holiday", at: "2026-11-26T17:00:00Z", zone: "America/New_York", open: false },
    { name: "Mon 08:00 EDT after spring forward", at: "2026-03-09T12:00:00Z", zone: "America/New_York", open: true },
    { name: "Mon 07:00 EST before spring forward", at: "2026-03-02T12:00:00Z", zone: "America/New_York", open: false },
    { name: "London Mon 09:00 BST", at: "2026-06-01T08:00:00Z", zone: "Europe/London", open: true },
  ])("$name", ({ at, zone, open }) => {
    expect(isWithinBusinessHours(acme, ["2026-11-26"], zone, new Date(at))).toBe(open);
  });

  it("reads the wall clock in the zone", () => {
    expect(wallClockAt("Australia/Lord_Howe", new Date("2026-01-15T00:00:00Z"))).toMatchObject({ weekday: "thu", date: "2026-01-15", time: "11:00" });
  });
});
