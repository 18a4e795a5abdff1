import { describe, expect, it } from "vitest";
import { isValidTimeZone, listTimeZones } from "./time-zone";

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
});
