import { describe, expect, it } from "vitest";
import { isValidTimeZone, listTimeZones, zoneChoices } from "./time-zone";

describe("isValidTimeZone", () => {
  it.each([
    ["America/New_York", true],
    ["Europe/London", true],
    ["Australia/Lord_Howe", true],
    ["UTC", true],
    ["Mars/Olympus", false],
    ["", false],
    ["America/New_York; drop table", false],
  ])("%s → %s", (zone, ok) => expect(isValidTimeZone(zone)).toBe(ok));

  it("lists UTC first and known zones", () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Europe/London");
  });

  it("offers current IANA names, not the runtime's old spellings", () => {
    const zones = listTimeZones();
    for (const [old, current] of [["Asia/Calcutta", "Asia/Kolkata"], ["Europe/Kiev", "Europe/Kyiv"], ["Asia/Saigon", "Asia/Ho_Chi_Minh"], ["America/Godthab", "America/Nuuk"]]) {
      expect(zones).toContain(current);
      expect(zones).not.toContain(old);
    }
    expect(new Set(zones).size).toBe(zones.length);
  });

  it.each([
    { current: "Asia/Calcutta", expected: ["UTC", "America/New_York", "Asia/Calcutta", "Asia/Kolkata"] },
    { current: "Asia/Kolkata", expected: ["UTC", "America/New_York", "Asia/Kolkata"] },
    { current: "", expected: ["UTC", "America/New_York", "Asia/Kolkata"] },
  ])("zoneChoices keeps the saved zone ($current) among the choices, once", ({ current, expected }) => {
    expect(zoneChoices(["UTC", "America/New_York", "Asia/Kolkata"], current)).toEqual(expected);
  });
});
