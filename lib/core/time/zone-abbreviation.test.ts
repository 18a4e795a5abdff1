import { describe, expect, it } from "vitest";
import { zoneAbbreviation } from "./zone-abbreviation";

// Instants pinned on both sides of each zone's 2026 changes (the suite runs under three TZ values).
describe("zoneAbbreviation", () => {
  it.each([
    ["America/New_York", "2026-03-08T06:59:00Z", "EST"],
    ["America/New_York", "2026-03-08T07:00:00Z", "EDT"],
    ["America/New_York", "2026-11-01T05:59:00Z", "EDT"],
    ["America/New_York", "2026-11-01T06:00:00Z", "EST"],
    ["America/Chicago", "2026-01-15T12:00:00Z", "CST"],
    ["America/Phoenix", "2026-07-15T12:00:00Z", "MST"],
    ["Europe/London", "2026-03-29T00:59:00Z", "GMT"],
    ["Europe/London", "2026-03-29T01:00:00Z", "BST"],
    ["Europe/Paris", "2026-01-15T12:00:00Z", "CET"],
    ["Europe/Paris", "2026-07-15T12:00:00Z", "CEST"],
    ["Europe/Dublin", "2026-07-15T12:00:00Z", "IST"],
    ["Africa/Johannesburg", "2026-07-15T12:00:00Z", "SAST"],
    ["Asia/Kolkata", "2026-07-15T12:00:00Z", "IST"],
    ["Australia/Sydney", "2026-04-04T15:59:00Z", "AEDT"],
    ["Australia/Sydney", "2026-04-04T16:00:00Z", "AEST"],
    ["Australia/Lord_Howe", "2026-01-15T12:00:00Z", "LHDT"],
    ["Pacific/Auckland", "2026-07-15T12:00:00Z", "NZST"],
    ["America/St_Johns", "2026-01-15T12:00:00Z", "NST"],
    ["Asia/Tokyo", "2026-07-15T12:00:00Z", "GMT+9"],
    ["America/Sao_Paulo", "2026-07-15T12:00:00Z", "GMT-3"],
    ["UTC", "2026-07-15T12:00:00Z", "UTC"],
  ])("%s at %s is %s", (zone, at, name) => {
    expect(zoneAbbreviation(new Date(at), zone)).toBe(name);
    // Asked again (from the cache), and as an ISO string or epoch milliseconds: the same answer.
    expect(zoneAbbreviation(at, zone)).toBe(name);
    expect(zoneAbbreviation(Date.parse(at), zone)).toBe(name);
  });
});
