import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../time/local-time";
import { epochMsOfIsoInstant, localDatesInterval, toIsoInstant } from "../time/zoned-time";
import { shiftsBetween } from "./final-shifts";
import { onCallAt } from "./on-call-at";
import { checkShiftInstanceAnchor, exchangedShiftHolds, layerShiftByIndex } from "./shift-instance-anchor";
import { rotationShiftsBetween } from "./rotation-shifts";
import type { RotationLayer, Schedule } from "./types";
import { NY, rows, weekly } from "./test-fixtures";

const ms = epochMsOfIsoInstant;



// Security Operations: erin and frank in New York 08:00–20:00 on weekdays, grace otherwise.
const followTheSun: Schedule = {
  timeZone: NY,
  layers: [
    { id: "grace", participants: ["grace"], shift: { unit: "weeks", count: 1 }, handoffWeekday: 1, handoffTime: "08:00", startDate: "2026-01-05" },
    {
      id: "day",
      participants: ["erin", "frank"],
      shift: { unit: "days", count: 1 },
      handoffTime: "08:00",
      startDate: "2026-01-05",
      restrictions: [{ weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "20:00" }],
    },
  ],
};

describe("shiftsBetween", () => {
  it("a single weekly rotation: whole shifts clipped to the range", () => {
    expect(rows(shiftsBetween({ timeZone: NY, layers: [weekly] }, ms("2026-01-10T00:00:00Z"), ms("2026-01-20T00:00:00Z")))).toEqual([
      "alice 01-10T00:00→01-12T14:00 rotation weekly",
      "bob 01-12T14:00→01-19T14:00 rotation weekly",
      "carol 01-19T14:00→01-20T00:00 rotation weekly",
    ]);
  });

  it("follow the sun: the restricted day layer wins 08:00–20:00 on weekdays, grace holds the rest", () => {
    expect(rows(shiftsBetween(followTheSun, ms("2026-01-09T00:00:00Z"), ms("2026-01-13T13:00:00Z")))).toEqual([
      "frank 01-09T00:00→01-09T01:00 rotation day", // the end of Thursday 08:00–20:00 EST (daily: erin, frank, erin, …)
      "grace 01-09T01:00→01-09T13:00 rotation grace",
      "erin 01-09T13:00→01-10T01:00 rotation day", // Friday 08:00–20:00 EST
      "grace 01-10T01:00→01-12T13:00 rotation grace", // the weekend, merged across grace's weekly handoff
      "frank 01-12T13:00→01-13T01:00 rotation day",
      "grace 01-13T01:00→01-13T13:00 rotation grace",
    ]);
  });

  it("follow the sun across spring forward: the day window stays 08:00–20:00 local", () => {
    const shifts = shiftsBetween(followTheSun, ms("2026-03-09T00:00:00Z"), ms("2026-03-10T00:00:00Z"));
    expect(rows(shifts)).toEqual(["grace 03-09T00:00→03-09T12:00 rotation grace", "frank 03-09T12:00→03-10T00:00 rotation day"]);
  });

  it("restrictions with no lower layer leave explicit gaps", () => {
    const schedule: Schedule = { timeZone: NY, layers: [followTheSun.layers[1]!] };
    expect(rows(shiftsBetween(schedule, ms("2026-01-09T12:00:00Z"), ms("2026-01-12T14:00:00Z")))).toEqual([
      "— 01-09T12:00→01-09T13:00 gap",
      "erin 01-09T13:00→01-10T01:00 rotation day",
      "— 01-10T01:00→01-12T13:00 gap",
      "frank 01-12T13:00→01-12T14:00 rotation day",
    ]);
  });

  it("a window that crosses midnight, weekend split: weekdays from one rotation, Fri 18:00 → Mon 08:00 from another", () => {
    const schedule: Schedule = {
      timeZone: NY,
      layers: [
        weekly,
        {
          id: "weekend",
          participants: ["erin", "frank"],
          shift: { unit: "weeks", count: 1 },
          handoffWeekday: 5,
          handoffTime: "18:00",
          startDate: "2026-01-02",
          restrictions: [
            { weekdays: [5], start: "18:00", end: "00:00" },
            { weekdays: [6, 7], start: "00:00", end: "24:00" },
            { weekdays: [1], start: "00:00", end: "08:00" },
          ],
        },
      ],
    };
    expect(rows(shiftsBetween(schedule, ms("2026-01-09T12:00:00Z"), ms("2026-01-17T00:00:00Z")))).toEqual([
      "alice 01-09T12:00→01-09T23:00 rotation weekly",
      "frank 01-09T23:00→01-12T13:00 rotation weekend",
      "alice 01-12T13:00→01-12T14:00 rotation weekly",
      "bob 01-12T14:00→01-16T23:00 rotation weekly",
      "erin 01-16T23:00→01-17T00:00 rotation weekend",
    ]);
  });

  it("explicit priority beats list order", () => {
    const schedule: Schedule = {
      timeZone: NY,
      layers: [{ ...weekly, id: "top", priority: 10 }, { ...weekly, id: "bottom", participants: ["zed"] }],
    };
    expect(rows(shiftsBetween(schedule, ms("2026-01-06T00:00:00Z"), ms("2026-01-07T00:00:00Z")))).toEqual([
      "alice 01-06T00:00→01-07T00:00 rotation top",
    ]);
  });

  it("overrides: a plain override replaces anyone, replacesUserId only that person, later overrides win, a swap is marked", () => {
    const schedule: Schedule = {
      timeZone: NY,
      layers: [weekly],
      overrides: [
        { id: "o1", userId: "zoe", start: ms("2026-01-06T00:00:00Z"), end: ms("2026-01-06T06:00:00Z"), origin: "override" },
        { id: "o2", userId: "yan", start: ms("2026-01-06T04:00:00Z"), end: ms("2026-01-06T08:00:00Z"), origin: "override" },
        // Only replaces bob: from Jan 12 14:00Z, not alice before it.
        { id: "s1", userId: "alice", start: ms("2026-01-12T00:00:00Z"), end: ms("2026-01-13T00:00:00Z"), replacesUserId: "bob", origin: "swap" },
      ],
    };
    expect(rows(shiftsBetween(schedule, ms("2026-01-05T20:00:00Z"), ms("2026-01-13T06:00:00Z")))).toEqual([
      "alice 01-05T20:00→01-06T00:00 rotation weekly",
      "zoe 01-06T00:00→01-06T04:00 override o1",
      "yan 01-06T04:00→01-06T08:00 override o2",
      "alice 01-06T08:00→01-12T14:00 rotation weekly",
      "alice 01-12T14:00→01-13T00:00 swap s1",
      "bob 01-13T00:00→01-13T06:00 rotation weekly",
    ]);
  });

  it("an override can fill a gap", () => {
    const schedule: Schedule = {
      timeZone: NY,
      layers: [followTheSun.layers[1]!],
      overrides: [{ id: "o", userId: "zoe", start: ms("2026-01-10T00:00:00Z"), end: ms("2026-01-11T00:00:00Z"), origin: "override" }],
    };
    expect(rows(shiftsBetween(schedule, ms("2026-01-10T00:00:00Z"), ms("2026-01-11T06:00:00Z")))).toEqual([
      "zoe 01-10T00:00→01-11T00:00 override o",
      "— 01-11T00:00→01-11T06:00 gap",
    ]);
  });

  it("time off is shown as a conflict on the shift, not a silent change of holder", () => {
    const off = localDatesInterval("2026-01-14", "2026-01-15", NY);
    const schedule: Schedule = { timeZone: NY, layers: [weekly], timeOff: [{ userId: "bob", ...off }, { userId: "carol", ...off }] };
    expect(rows(shiftsBetween(schedule, ms("2026-01-12T14:00:00Z"), ms("2026-01-19T14:00:00Z")))).toEqual([
      "bob 01-12T14:00→01-14T05:00 rotation weekly",
      "bob 01-14T05:00→01-16T05:00 rotation weekly [time_off]",
      "bob 01-16T05:00→01-19T14:00 rotation weekly",
    ]);
    expect(onCallAt(schedule, ms("2026-01-15T12:00:00Z"))).toEqual({ userId: "bob", origin: "rotation", layerId: "weekly", conflicts: ["time_off"] });
    expect(onCallAt(schedule, ms("2026-01-16T12:00:00Z")).conflicts).toEqual([]);
  });

  it("a one-person rotation is one merged shift; before the first handoff is a gap", () => {
    const schedule: Schedule = { timeZone: NY, layers: [{ ...weekly, participants: ["solo"] }] };
    expect(rows(shiftsBetween(schedule, ms("2026-01-01T00:00:00Z"), ms("2026-02-01T00:00:00Z")))).toEqual([
      "— 01-01T00:00→01-05T14:00 gap",
      "solo 01-05T14:00→02-01T00:00 rotation weekly",
    ]);
  });

  it("covers the whole range without holes or overlaps, and agrees with onCallAt at every hour", () => {
    const schedule: Schedule = {
      ...followTheSun,
      layers: [...followTheSun.layers, { ...weekly, id: "weekend", restrictions: [{ weekdays: [6, 7], start: "10:00", end: "14:00" }] }],
      overrides: [{ id: "o", userId: "zoe", start: ms("2026-03-07T05:30:00Z"), end: ms("2026-03-09T11:00:00Z"), replacesUserId: "grace", origin: "override" }],
    };
    const from = ms("2026-03-01T00:00:00Z");
    const to = ms("2026-03-20T00:00:00Z");
    const shifts = shiftsBetween(schedule, from, to);
    expect(shifts[0]!.start).toBe(from);
    expect(shifts[shifts.length - 1]!.end).toBe(to);
    for (let i = 1; i < shifts.length; i++) expect(shifts[i]!.start).toBe(shifts[i - 1]!.end);
    for (let at = from; at < to; at += HOUR_MS / 4) {
      const piece = shifts.find((s) => s.start <= at && at < s.end)!;
      const { start: _s, end: _e, ...expected } = piece;
      expect({ at: toIsoInstant(at), ...onCallAt(schedule, at) }).toEqual({ at: toIsoInstant(at), ...expected });
    }
  });

  it.each([
    { name: "many overlapping overrides, some replacing whoever an earlier one put in", longest: 3 * 24 * HOUR_MS },
    { name: "the same with one override longer than a year (read without the day index)", longest: 400 * 24 * HOUR_MS },
  ])("$name: the later override wins, and onCallAt agrees with shiftsBetween every 15 minutes", ({ longest }) => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const people = ["erin", "frank", "grace", "zoe", "yann"];
    const from = ms("2026-03-01T00:00:00Z");
    const to = ms("2026-03-15T00:00:00Z");
    const overrides = Array.from({ length: 30 }, (_, i) => {
      const start = from - 2 * 24 * HOUR_MS + Math.floor(random() * 16 * 24 * 4) * (HOUR_MS / 4);
      const length = i === 1 ? longest : (1 + Math.floor(random() * 48)) * HOUR_MS;
      return {
        id: `o${i}`,
        userId: people[Math.floor(random() * people.length)]!,
        start,
        end: start + length,
        origin: i % 3 === 0 ? ("swap" as const) : ("override" as const),
        ...(i % 2 === 0 ? { replacesUserId: people[Math.floor(random() * people.length)]! } : {}),
      };
    });
    // Zoe's account is disabled on day 5: her overrides hold until then, not after.
    const zoeStopped = from + 5 * 24 * HOUR_MS + 7 * (HOUR_MS / 4);
    const schedule: Schedule = { ...followTheSun, overrides, inactive: new Map([["zoe", [{ start: zoeStopped, end: Infinity }]]]) };
    const shifts = shiftsBetween(schedule, from, to);
    for (let at = from; at < to; at += HOUR_MS / 4) {
      // The rule itself: the rotation's holder, then each override holding `at` in the given order.
      const expected = overrides
        .filter((o) => o.start <= at && at < o.end && (o.userId !== "zoe" || at < zoeStopped))
        .reduce((who, o) => (o.replacesUserId === undefined || o.replacesUserId === who ? o.userId : who), onCallAt({ ...schedule, overrides: [] }, at).userId);
      const piece = shifts.find((s) => s.start <= at && at < s.end)!;
      expect({ at: toIsoInstant(at), piece: piece.userId, onCallAt: onCallAt(schedule, at).userId }).toEqual({ at: toIsoInstant(at), piece: expected, onCallAt: expected });
    }
  });

  it("an inactive (disabled) person holds nothing from then on: their turns fall to a lower layer or are gaps, their overrides are void", () => {
    const schedule: Schedule = {
      timeZone: NY,
      layers: [
        { id: "backup", participants: ["bob"], shift: { unit: "weeks", count: 1 }, handoffWeekday: 1, handoffTime: "09:00", startDate: "2026-01-05", restrictions: [{ weekdays: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }] },
        weekly,
      ],
      overrides: [
        { id: "carol-covers", userId: "carol", start: ms("2026-01-06T15:00:00Z"), end: ms("2026-01-06T18:00:00Z"), origin: "override" },
        { id: "alice-covers", userId: "alice", start: ms("2026-01-14T15:00:00Z"), end: ms("2026-01-14T18:00:00Z"), origin: "override" },
      ],
      // Alice's account was disabled on Monday Jan 5 at 12:00 New York (17:00Z): what she held before stays hers.
      inactive: new Map([["alice", [{ start: ms("2026-01-05T17:00:00Z"), end: Infinity }]]]),
    };
    // Alice's week (Jan 5–12): Bob's backup layer on weekday hours, a gap otherwise; Carol's override stands.
    // Alice's override in Bob's week is void: Bob keeps it.
    expect(rows(shiftsBetween(schedule, ms("2026-01-05T14:00:00Z"), ms("2026-01-07T00:00:00Z")))).toEqual([
      "alice 01-05T14:00→01-05T17:00 rotation weekly",
      "bob 01-05T17:00→01-05T22:00 rotation backup",
      "— 01-05T22:00→01-06T14:00 gap",
      "bob 01-06T14:00→01-06T15:00 rotation backup",
      "carol 01-06T15:00→01-06T18:00 override carol-covers",
      "bob 01-06T18:00→01-06T22:00 rotation backup",
      "— 01-06T22:00→01-07T00:00 gap",
    ]);
    expect(rows(shiftsBetween(schedule, ms("2026-01-14T14:00:00Z"), ms("2026-01-14T20:00:00Z")))).toEqual(["bob 01-14T14:00→01-14T20:00 rotation weekly"]);
    expect(onCallAt(schedule, ms("2026-01-05T16:59:00Z")).userId).toBe("alice");
    expect(onCallAt(schedule, ms("2026-01-05T20:00:00Z"))).toEqual({ userId: "bob", origin: "rotation", layerId: "backup", conflicts: [] });
    expect(onCallAt(schedule, ms("2026-01-06T03:00:00Z"))).toEqual({ userId: null, origin: "gap", layerId: null, conflicts: [] });
    expect(onCallAt(schedule, ms("2026-01-14T16:00:00Z")).userId).toBe("bob");
    // Active again, the same schedule is as before.
    expect(onCallAt({ ...schedule, inactive: new Map() }, ms("2026-01-06T03:00:00Z")).userId).toBe("alice");

    // Enabled again on Tuesday at 12:00 New York: she holds her turns from then on; the disabled day keeps its gap and Bob's hours.
    const again: Schedule = { ...schedule, inactive: new Map([["alice", [{ start: ms("2026-01-05T17:00:00Z"), end: ms("2026-01-06T17:00:00Z") }]]]) };
    expect(rows(shiftsBetween(again, ms("2026-01-05T14:00:00Z"), ms("2026-01-07T00:00:00Z")))).toEqual([
      "alice 01-05T14:00→01-05T17:00 rotation weekly",
      "bob 01-05T17:00→01-05T22:00 rotation backup",
      "— 01-05T22:00→01-06T14:00 gap",
      "bob 01-06T14:00→01-06T15:00 rotation backup",
      "carol 01-06T15:00→01-06T18:00 override carol-covers",
      "alice 01-06T18:00→01-07T00:00 rotation weekly",
    ]);
    expect(onCallAt(again, ms("2026-01-06T03:00:00Z")).userId).toBeNull();
    expect(onCallAt(again, ms("2026-01-06T20:00:00Z")).userId).toBe("alice");
  });

  it("an empty range has no shifts", () => {
    expect(shiftsBetween({ timeZone: NY, layers: [weekly] }, 10, 10)).toEqual([]);
  });
});

describe("checkShiftInstanceAnchor", () => {
  const schedule: Schedule = { timeZone: NY, layers: [weekly] };
  const [anchor] = rotationShiftsBetween(weekly, NY, ms("2026-02-02T15:00:00Z"), ms("2026-02-02T16:00:00Z"));

  it.each([
    { name: "unchanged rotation", edited: schedule, status: "unchanged" },
    { name: "participants reordered", edited: { ...schedule, layers: [{ ...weekly, participants: ["bob", "alice", "carol", "dave"] }] }, status: "changed" },
    { name: "handoff time moved", edited: { ...schedule, layers: [{ ...weekly, handoffTime: "10:00" }] }, status: "changed" },
    { name: "layer deleted", edited: { ...schedule, layers: [] }, status: "missing" },
  ])("$name → $status", ({ edited, status }) => {
    expect(checkShiftInstanceAnchor(edited, anchor!).status).toBe(status);
  });

  it.each([
    { name: "the whole instance, unchanged", edited: schedule, start: 0, holds: true },
    { name: "the part from a later instant (asked for while under way)", edited: schedule, start: 26 * 3_600_000, holds: true },
    { name: "participants reordered: no longer theirs", edited: { ...schedule, layers: [{ ...weekly, participants: ["bob", "alice", "carol", "dave"] }] }, start: 0, holds: false },
    { name: "handoff moved: ends elsewhere", edited: { ...schedule, layers: [{ ...weekly, handoffTime: "10:00" }] }, start: 0, holds: false },
    { name: "layer deleted", edited: { ...schedule, layers: [] }, start: 0, holds: false },
  ])("a shift offered in exchange, $name → holds: $holds", ({ edited, start, holds }) => {
    expect(exchangedShiftHolds(edited, { ...anchor!, start: anchor!.start + start })).toBe(holds);
  });
});

describe("layerShiftByIndex across an edit (versions of one layer)", () => {
  // Instance 4 runs Mon 2 Feb 09:00 → Mon 9 Feb 09:00 New York; the old order gives it to alice.
  const edited = (at: string, participants: string[]): Schedule => ({
    timeZone: NY,
    layers: [
      { ...weekly, participants, activeFrom: ms(at) },
      { ...weekly, activeUntil: ms(at) },
    ],
  });
  const row = (s: ReturnType<typeof layerShiftByIndex>) => (s ? `${s.userId} ${toIsoInstant(s.start).slice(5, 16)}→${toIsoInstant(s.end).slice(5, 16)}` : null);
  it.each([
    { name: "split mid-instance: the old holder's part", at: "2026-02-04T14:00:00Z", order: ["bob", "alice", "carol", "dave"], user: "alice", index: 4, want: "alice 02-02T14:00→02-04T14:00" },
    { name: "split mid-instance: the new holder's part", at: "2026-02-04T14:00:00Z", order: ["bob", "alice", "carol", "dave"], user: "bob", index: 4, want: "bob 02-04T14:00→02-09T14:00" },
    { name: "someone holding none of it sees its first part", at: "2026-02-04T14:00:00Z", order: ["bob", "alice", "carol", "dave"], user: "carol", index: 4, want: "alice 02-02T14:00→02-04T14:00" },
    { name: "the same holder on both sides keeps the whole", at: "2026-02-04T14:00:00Z", order: ["alice", "carol", "bob", "dave"], user: "alice", index: 4, want: "alice 02-02T14:00→02-09T14:00" },
    { name: "an edit at the handoff: wholly the old version", at: "2026-02-09T14:00:00Z", order: ["bob", "alice", "carol", "dave"], user: "alice", index: 4, want: "alice 02-02T14:00→02-09T14:00" },
    { name: "an edit at the handoff: the next instance wholly the new one", at: "2026-02-09T14:00:00Z", order: ["bob", "alice", "carol", "dave"], user: "alice", index: 5, want: "alice 02-09T14:00→02-16T14:00" },
    { name: "a layer edited before its start has no instance there", at: "2026-01-01T00:00:00Z", order: ["bob"], user: "bob", index: -1, want: null },
  ])("$name", ({ at, order, user, index, want }) => {
    expect(row(layerShiftByIndex(edited(at, order), "weekly", index, user))).toBe(want);
  });

  it("a request made before an edit split its instance is flagged; one on a part the edit left alone is not", () => {
    const before: Schedule = { timeZone: NY, layers: [weekly] };
    const whole = layerShiftByIndex(before, "weekly", 4, "alice")!;
    expect(checkShiftInstanceAnchor(edited("2026-02-04T14:00:00Z", ["bob", "alice", "carol", "dave"]), whole).status).toBe("changed");
    expect(checkShiftInstanceAnchor(edited("2026-02-09T14:00:00Z", ["bob", "alice", "carol", "dave"]), whole).status).toBe("unchanged");
  });
});

describe("a version in another zone (the schedule's zone changed)", () => {
  // Until Wed 4 Feb 12:00 UTC the rotation handed over at 09:00 London; from then on at 09:00 New York.
  const at = ms("2026-02-04T12:00:00Z");
  const schedule: Schedule = { timeZone: NY, layers: [{ ...weekly, activeFrom: at }, { ...weekly, activeUntil: at, timeZone: "Europe/London" }] };
  it("keeps the past handoffs in the old zone and moves later ones; onCallAt agrees", () => {
    expect(rows(shiftsBetween(schedule, ms("2026-01-26T00:00:00Z"), ms("2026-02-16T00:00:00Z")))).toEqual([
      "carol 01-26T00:00→01-26T09:00 rotation weekly",
      "dave 01-26T09:00→02-02T09:00 rotation weekly",
      "alice 02-02T09:00→02-09T14:00 rotation weekly",
      "bob 02-09T14:00→02-16T00:00 rotation weekly",
    ]);
    for (const [instant, who] of [["2026-02-02T08:59:00Z", "dave"], ["2026-02-02T09:00:00Z", "alice"], ["2026-02-09T13:59:00Z", "alice"], ["2026-02-09T14:00:00Z", "bob"]] as const) {
      expect(onCallAt(schedule, ms(instant)).userId).toBe(who);
    }
    expect(layerShiftByIndex(schedule, "weekly", 4, "alice")).toMatchObject({ start: ms("2026-02-02T09:00:00Z"), end: ms("2026-02-09T14:00:00Z") });
  });
});

describe("published assignments", () => {
  it("onCallAt and shiftsBetween agree on who a published assignment puts on an instance", () => {
    const schedule: Schedule = { timeZone: NY, layers: [{ ...weekly, assignments: new Map([[1, "dave"]]) }] };
    expect(rows(shiftsBetween(schedule, ms("2026-01-12T14:00:00Z"), ms("2026-01-19T14:00:00Z")))).toEqual(["dave 01-12T14:00→01-19T14:00 rotation weekly"]);
    expect(onCallAt(schedule, ms("2026-01-15T12:00:00Z")).userId).toBe("dave");
  });
});

describe("an edited rotation: the old version until the edit, the new one after", () => {
  // Edited Wednesday 2026-01-14 12:00 New York (17:00Z), in bob's week: the new order starts with carol.
  const editAt = ms("2026-01-14T17:00:00Z");
  const before: RotationLayer = { ...weekly, activeUntil: editAt, priority: 0 };
  const after: RotationLayer = { ...weekly, participants: ["carol", "dave"], startDate: "2026-01-12", activeFrom: editAt, priority: 0 };
  const edited: Schedule = { timeZone: NY, layers: [after, before] };

  it("keeps who held the past and hands over at the edit", () => {
    expect(rows(shiftsBetween(edited, ms("2026-01-05T14:00:00Z"), ms("2026-02-02T14:00:00Z")))).toEqual([
      "alice 01-05T14:00→01-12T14:00 rotation weekly",
      "bob 01-12T14:00→01-14T17:00 rotation weekly",
      "carol 01-14T17:00→01-19T14:00 rotation weekly",
      "dave 01-19T14:00→01-26T14:00 rotation weekly",
      "carol 01-26T14:00→02-02T14:00 rotation weekly",
    ]);
    expect(onCallAt(edited, editAt - 1).userId).toBe("bob");
    expect(onCallAt(edited, editAt).userId).toBe("carol");
    expect(onCallAt(edited, ms("2026-01-06T12:00:00Z")).userId).toBe("alice");
  });

  it("merges the holder across the edit when the new version keeps them on call", () => {
    const same: Schedule = { timeZone: NY, layers: [{ ...weekly, participants: ["alice", "bob", "erin"], activeFrom: editAt, priority: 0 }, before] };
    expect(rows(shiftsBetween(same, ms("2026-01-12T14:00:00Z"), ms("2026-01-26T14:00:00Z")))).toEqual([
      "bob 01-12T14:00→01-19T14:00 rotation weekly",
      "erin 01-19T14:00→01-26T14:00 rotation weekly",
    ]);
  });

  it("leaves a range wholly outside a version to the other: a gap before the first version starts is still a gap", () => {
    const late: Schedule = { timeZone: NY, layers: [{ ...weekly, activeFrom: editAt }] };
    expect(rows(shiftsBetween(late, ms("2026-01-12T14:00:00Z"), ms("2026-01-19T14:00:00Z")))).toEqual([
      "— 01-12T14:00→01-14T17:00 gap",
      "bob 01-14T17:00→01-19T14:00 rotation weekly",
    ]);
    expect(onCallAt(late, editAt - 1).userId).toBeNull();
  });
});
