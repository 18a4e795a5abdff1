import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./local-time";
import { nextZoneTransitionAfter, zoneOffsetAt } from "./zone-offsets";
import {
  epochMsOfIsoInstant,
  instantOfLocal,
  instantOfWallMs,
  instantOfWallMsWithTemporal,
  isoInstantOfLocalDateTime,
  localDateAt,
  localDateTimeAt,
  localDatesInterval,
  startOfLocalDate,
  toIsoInstant,
  weekdayAt,
} from "./zoned-time";

const ms = (iso: string) => epochMsOfIsoInstant(iso);

describe("instantOfLocal on the real 2026 transitions", () => {
  it.each([
    { name: "New York spring forward: 02:30 is in the gap → 03:00 EDT, the gap's end", zone: "America/New_York", date: "2026-03-08", time: "02:30", expected: "2026-03-08T07:00:00Z" },
    { name: "New York spring forward: 02:00 (gap start) → 03:00 EDT", zone: "America/New_York", date: "2026-03-08", time: "02:00", expected: "2026-03-08T07:00:00Z" },
    { name: "New York spring forward: 01:59 still EST", zone: "America/New_York", date: "2026-03-08", time: "01:59", expected: "2026-03-08T06:59:00Z" },
    { name: "New York spring forward: 03:00 EDT", zone: "America/New_York", date: "2026-03-08", time: "03:00", expected: "2026-03-08T07:00:00Z" },
    { name: "New York fall back: 01:30 twice → first (EDT)", zone: "America/New_York", date: "2026-11-01", time: "01:30", expected: "2026-11-01T05:30:00Z" },
    { name: "New York fall back: 01:00 → first (EDT)", zone: "America/New_York", date: "2026-11-01", time: "01:00", expected: "2026-11-01T05:00:00Z" },
    { name: "New York fall back: 02:00 EST", zone: "America/New_York", date: "2026-11-01", time: "02:00", expected: "2026-11-01T07:00:00Z" },
    { name: "Chicago spring forward: 02:30 → 03:00 CDT", zone: "America/Chicago", date: "2026-03-08", time: "02:30", expected: "2026-03-08T08:00:00Z" },
    { name: "Chicago fall back: 01:30 → first (CDT)", zone: "America/Chicago", date: "2026-11-01", time: "01:30", expected: "2026-11-01T06:30:00Z" },
    { name: "London spring forward: 01:30 → 02:00 BST", zone: "Europe/London", date: "2026-03-29", time: "01:30", expected: "2026-03-29T01:00:00Z" },
    { name: "London fall back: 01:30 → first (BST)", zone: "Europe/London", date: "2026-10-25", time: "01:30", expected: "2026-10-25T00:30:00Z" },
    { name: "Sydney DST starts: 02:30 → 03:00 AEDT", zone: "Australia/Sydney", date: "2026-10-04", time: "02:30", expected: "2026-10-03T16:00:00Z" },
    { name: "Sydney DST ends: 02:30 → first (AEDT)", zone: "Australia/Sydney", date: "2026-04-05", time: "02:30", expected: "2026-04-04T15:30:00Z" },
    { name: "Lord Howe 30-min gap: 02:15 → 02:30 (+11)", zone: "Australia/Lord_Howe", date: "2026-10-04", time: "02:15", expected: "2026-10-03T15:30:00Z" },
    { name: "Lord Howe 30-min overlap: 01:45 → first (+11)", zone: "Australia/Lord_Howe", date: "2026-04-05", time: "01:45", expected: "2026-04-04T14:45:00Z" },
    { name: "Lord Howe 30-min overlap: 01:30 → first (+11)", zone: "Australia/Lord_Howe", date: "2026-04-05", time: "01:30", expected: "2026-04-04T14:30:00Z" },
    { name: "Lord Howe after the overlap: 02:00 (+10:30)", zone: "Australia/Lord_Howe", date: "2026-04-05", time: "02:00", expected: "2026-04-04T15:30:00Z" },
    { name: "Kolkata has no DST: 09:00 IST", zone: "Asia/Kolkata", date: "2026-03-08", time: "09:00", expected: "2026-03-08T03:30:00Z" },
  ])("$name", ({ zone, date, time, expected }) => {
    expect(toIsoInstant(instantOfLocal(date, time, zone))).toBe(expected);
  });
});

const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Santiago", // DST at midnight
  "America/Havana", // DST at midnight
  "Europe/London",
  "Europe/Berlin",
  "Australia/Sydney",
  "Australia/Lord_Howe", // 30-minute DST
  "Pacific/Chatham", // +12:45 / +13:45
  "Asia/Kathmandu", // +05:45
  "Asia/Kolkata",
  "UTC",
];

function transitions2025To2027(zone: string): number[] {
  const out: number[] = [];
  let zdt = Temporal.ZonedDateTime.from({ year: 2025, month: 1, day: 1, timeZone: zone });
  for (let i = 0; i < 20; i++) {
    const next = zdt.getTimeZoneTransition("next");
    if (!next || next.year > 2027) break;
    out.push(next.epochMilliseconds);
    zdt = next;
  }
  return out;
}

describe("the offset table agrees with Temporal", () => {
  it.each(ZONES)("%s: wall times every 15 min for 4 h around each 2025–2027 transition", (zone) => {
    for (const transition of transitions2025To2027(zone)) {
      const wallAtTransition = transition + zoneOffsetAt(zone, transition - 1);
      for (let wall = wallAtTransition - 4 * HOUR_MS; wall <= wallAtTransition + 4 * HOUR_MS; wall += 15 * MINUTE_MS) {
        expect([zone, toIsoInstant(wall), instantOfWallMs(wall, zone)]).toEqual([zone, toIsoInstant(wall), instantOfWallMsWithTemporal(wall, zone)]);
      }
      expect(nextZoneTransitionAfter(zone, transition - 1)).toBe(transition);
    }
  });

  it.each(ZONES)("%s: local date, weekday and time of 2 000 instants across 2025–2027", (zone) => {
    const from = ms("2025-01-01T00:00:00Z");
    for (let i = 0; i < 2000; i++) {
      const at = from + Math.floor(((i * 7919) % 2000) * 13.1 * HOUR_MS) + i * 61_000;
      const zdt = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
      const local = localDateTimeAt(at, zone);
      expect({ date: local.date, weekday: local.weekday, msOfDay: local.msOfDay }).toEqual({
        date: zdt.toPlainDate().toString(),
        weekday: zdt.dayOfWeek,
        msOfDay: ((zdt.hour * 60 + zdt.minute) * 60 + zdt.second) * 1000 + zdt.millisecond,
      });
    }
  });
});

describe("local dates and days", () => {
  it("the day of a spring-forward change is 23 hours long, of a fall-back change 25", () => {
    const spring = localDatesInterval("2026-03-08", "2026-03-08", "America/New_York");
    const fall = localDatesInterval("2026-11-01", "2026-11-01", "America/New_York");
    expect((spring.end - spring.start) / HOUR_MS).toBe(23);
    expect((fall.end - fall.start) / HOUR_MS).toBe(25);
    const lordHowe = localDatesInterval("2026-10-04", "2026-10-04", "Australia/Lord_Howe");
    expect((lordHowe.end - lordHowe.start) / HOUR_MS).toBe(23.5);
  });

  it("time off from–to covers inclusive local dates in the person's zone", () => {
    const off = localDatesInterval("2026-03-20", "2026-04-02", "Europe/London");
    expect(toIsoInstant(off.start)).toBe("2026-03-20T00:00:00Z");
    expect(toIsoInstant(off.end)).toBe("2026-04-02T23:00:00Z"); // midnight BST
    expect(() => localDatesInterval("2026-04-02", "2026-03-20", "Europe/London")).toThrow(RangeError);
  });

  it("a midnight that falls in a gap starts the day at the gap's end (Santiago, 2026-09-06)", () => {
    expect(toIsoInstant(startOfLocalDate("2026-09-06", "America/Santiago"))).toBe("2026-09-06T04:00:00Z");
    expect(localDateAt(startOfLocalDate("2026-09-06", "America/Santiago"), "America/Santiago")).toBe("2026-09-06");
  });

  it.each([
    { at: "2026-01-05T04:59:00Z", zone: "America/New_York", date: "2026-01-04", weekday: 7 },
    { at: "2026-01-05T05:00:00Z", zone: "America/New_York", date: "2026-01-05", weekday: 1 },
    { at: "2026-01-04T13:30:00Z", zone: "Australia/Lord_Howe", date: "2026-01-05", weekday: 1 },
    { at: "2026-01-04T18:29:00Z", zone: "Asia/Kolkata", date: "2026-01-04", weekday: 7 },
  ])("$at in $zone is $date (weekday $weekday)", ({ at, zone, date, weekday }) => {
    expect(localDateAt(ms(at), zone)).toBe(date);
    expect(weekdayAt(ms(at), zone)).toBe(weekday);
  });

  it("rejects an unknown zone", () => expect(() => instantOfLocal("2026-01-05", "09:00", "Mars/Olympus")).toThrow(RangeError));
  it("covers whole days", () => expect(DAY_MS).toBe(24 * HOUR_MS));
});

describe("year boundaries", () => {
  it("a new year is not a zone transition", () => {
    expect(toIsoInstant(nextZoneTransitionAfter("America/New_York", ms("2026-12-01T00:00:00Z"))!)).toBe("2027-03-14T07:00:00Z");
    expect(nextZoneTransitionAfter("Asia/Kolkata", ms("2026-12-01T00:00:00Z"))).toBeNull();
  });

  it("instants either side of New Year's midnight convert like any others", () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "America/New_York"]) {
      for (let wall = ms("2026-12-30T00:00:00Z"); wall < ms("2027-01-03T00:00:00Z"); wall += 30 * MINUTE_MS) {
        expect(instantOfWallMs(wall, zone)).toBe(instantOfWallMsWithTemporal(wall, zone));
      }
    }
  });
});

describe("instants far apart", () => {
  it("a lookup centuries away from the others works and agrees with Temporal (a report or an end date in 2999 is no 500)", () => {
    const zone = "Europe/London";
    expect(zoneOffsetAt(zone, ms("2026-06-01T00:00:00Z"))).toBe(3_600_000);
    for (const at of ["2999-01-01T00:00:00Z", "2999-07-01T12:00:00Z", "1850-07-01T00:00:00Z", "2026-01-15T00:00:00Z"]) {
      const expected = Temporal.Instant.from(at).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
      expect({ at, offset: zoneOffsetAt(zone, ms(at)) }).toEqual({ at, offset: expected });
    }
    const wall = ms("2999-03-31T02:30:00Z");
    expect(instantOfWallMs(wall, zone)).toBe(instantOfWallMsWithTemporal(wall, zone));
  });
});

describe("isoInstantOfLocalDateTime (a datetime-local field)", () => {
  it("reads the value in the given zone, not the server's", () => {
    expect(isoInstantOfLocalDateTime("2026-11-23T17:30", "America/New_York")).toBe("2026-11-23T22:30:00.000Z");
    expect(isoInstantOfLocalDateTime("2026-11-23T17:30:00", "Europe/Berlin")).toBe("2026-11-23T16:30:00.000Z");
    // Spring forward in New York: 02:30 does not exist; the first instant after the gap.
    expect(isoInstantOfLocalDateTime("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
  });
  it("is null for what is not a real date and time, or an unknown zone", () => {
    for (const v of ["", "tomorrow", "2026-02-30T10:00", "2026-11-23T25:00", "2026-11-23T17:30Z"]) expect([v, isoInstantOfLocalDateTime(v, "UTC")]).toEqual([v, null]);
    expect(isoInstantOfLocalDateTime("2026-11-23T17:30", "Mars/Olympus_Mons")).toBeNull();
  });
});
