import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt, inArray } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { layerParticipants, notices, notificationPreferences, outboxMessages, scheduleLayers, schedules, shiftReminders } from "@/db/schema";
import { makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { createTestDatabase } from "@/db/test/test-database";
import { DEFAULT_PREFERENCES } from "@/lib/core/escalation";
import { resetEnvCache } from "@/lib/env";
import { setTransport } from "@/lib/mailer";
import { runTick } from "./embedded-driver";
import { isoWeekOf, sendShiftReminders } from "./shift-reminders";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
type Who = "alice" | "bob" | "carol" | "dan" | "erin" | "frank" | "ivan" | "judy";
let people: Record<Who, { id: string; email: string }>;
let names: { weekly: string; daily: string; early: string };

/** A schedule of one daily rotation (handoff at `handoff` local time in New York). */
async function dailySchedule(name: string, participantIds: string[], handoff: string, startDate: string) {
  const [s] = await t.db.insert(schedules).values({ name, timeZone: "America/New_York" }).returning();
  const [layer] = await t.db.insert(scheduleLayers).values({ scheduleId: s!.id, name: "Daily", position: 0, shiftUnit: "days", shiftCount: 1, handoffTime: handoff, startDate }).returning();
  await t.db.insert(layerParticipants).values(participantIds.map((userId, position) => ({ layerId: layer!.id, position, userId })));
  return s!;
}

beforeAll(async () => {
  process.env.BATON_PUBLIC_URL = "http://baton.test";
  resetEnvCache();
  setTransport(undefined);
  t = await createTestDatabase();
  useDbHandle(t);
  const ny = { timeZone: "America/New_York" };
  people = {
    alice: await makeUser(t.db, { name: "Alice" }),
    bob: await makeUser(t.db, { name: "Bob" }),
    carol: await makeUser(t.db, { name: "Carol", ...ny }),
    dan: await makeUser(t.db, { name: "Dan", ...ny }),
    erin: await makeUser(t.db, { name: "Erin" }),
    frank: await makeUser(t.db, { name: "Frank", ...ny }),
    ivan: await makeUser(t.db, { name: "Ivan" }),
    judy: await makeUser(t.db, { name: "Judy" }),
  };
  await t.db.insert(notificationPreferences).values({ userId: people.judy.id, rules: DEFAULT_PREFERENCES.rules, shiftReminders: "off" });
  // Weekly, Monday 09:00 New York: Alice from 2 Nov, Bob from 9 Nov, …; Ivan and Judy likewise on another.
  const weekly = await makeWeeklySchedule(t.db, { participantIds: [people.alice.id, people.bob.id], startDate: "2026-11-02" });
  await makeWeeklySchedule(t.db, { participantIds: [people.ivan.id, people.judy.id], startDate: "2026-11-02" });
  // Daily 09:00 New York across the fall-back (1 Nov): Carol 30 Oct, Dan 31 Oct, Carol 1 Nov, …
  const daily = await dailySchedule(`Daily desk ${Date.now()}`, [people.carol.id, people.dan.id], "09:00", "2026-10-30");
  // Daily 02:30 New York across the spring-forward (8 Mar, when 02:30 does not exist): Erin 7 Mar, Frank 8 Mar, …
  const early = await dailySchedule(`Night watch ${Date.now()}`, [people.erin.id, people.frank.id], "02:30", "2026-03-07");
  names = { weekly: weekly.schedule.name, daily: daily.name, early: early.name };
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

type Expected = [Who, string | RegExp, ...string[]];
const cases: { name: string; now: string; expect: () => Expected[] }[] = [
  {
    name: "Sunday of the fall-back: 09:00 EST is 14:00Z, so the reminder comes at 13:00Z, in local time",
    now: "2026-11-01T13:00:00Z",
    expect: () => [["carol", `Your shift on ${names.daily} starts at 09:00`, "Sun 1 Nov, 09:00 until Mon 2 Nov, 09:00 (America/New_York)"]],
  },
  {
    name: "spring-forward: a 02:30 handoff that does not exist happens at 03:00 EDT (07:00Z)",
    now: "2026-03-08T06:30:00Z",
    expect: () => [["frank", `Your shift on ${names.early} starts at 03:00`]],
  },
  {
    name: "Monday 08:00 in New York, an hour before the weekly handoff: the incoming person (in their own zone), the daily one, and the New Yorkers' digests; Judy opted out",
    now: "2026-11-09T13:00:00Z",
    expect: () => [
      ["bob", `Your shift on ${names.weekly} starts at 14:00`],
      ["carol", `Your shift on ${names.daily} starts at 09:00`],
      ["carol", "Your shifts this week (2026-W46): 4", "Mon 9 Nov, 09:00 – Tue 10 Nov, 09:00", "Sun 15 Nov, 09:00 – Mon 16 Nov, 09:00"],
      ["dan", "Your shifts this week (2026-W46): 4", "now – Mon 9 Nov, 09:00", "Tue 10 Nov, 09:00 – Wed 11 Nov, 09:00"],
      ["frank", /^Your shifts this week \(2026-W46\): \d$/, `${names.early}: now – Tue 10 Nov, 02:30`, `${names.early}: Wed 11 Nov, 02:30 – Thu 12 Nov, 02:30`],
    ],
  },
  { name: "a minute later: nothing twice", now: "2026-11-09T13:01:00Z", expect: () => [] },
  { name: "61 minutes ahead (and 07:59 in New York on a Monday): nothing yet", now: "2026-11-16T12:59:00Z", expect: () => [] },
  {
    name: "the digest of a DST week: a 25-hour shift across the fall-back reads 09:00 to 09:00",
    now: "2026-10-26T12:00:00Z",
    expect: () => [
      ["carol", "Your shifts this week (2026-W44): 2", "Fri 30 Oct, 09:00 – Sat 31 Oct, 09:00", "Sun 1 Nov, 09:00 – Mon 2 Nov, 09:00"],
      ["dan", "Your shifts this week (2026-W44): 1", "Sat 31 Oct, 09:00 – Sun 1 Nov, 09:00"],
      ["frank", /^Your shifts this week \(2026-W44\): \d$/, `${names.early}: now – Tue 27 Oct, 02:30`, `${names.early}: Wed 28 Oct, 02:30 – Thu 29 Oct, 02:30`],
    ],
  },
  { name: "the same morning, five minutes later: no second digest", now: "2026-10-26T12:05:00Z", expect: () => [] },
];

describe("sendShiftReminders", () => {
  const whoByEmail = () => new Map(Object.entries(people).map(([k, v]) => [v.email, k as Who]));

  for (const c of cases) {
    it(c.name, async () => {
      const before = new Set((await t.db.select({ id: outboxMessages.id }).from(outboxMessages)).map((r) => r.id));
      await sendShiftReminders(t.db, new Date(c.now));
      const sent = (await t.db.select().from(outboxMessages)).filter((m) => !before.has(m.id));
      const who = whoByEmail();
      const expected = c.expect();
      expect(sent.map((m) => `${who.get(m.to)}`).sort()).toEqual(expected.map((e) => e[0]).sort());
      for (const [person, subject, ...lines] of expected) {
        const mail = sent.find((m) => m.to === people[person].email && (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)));
        expect(mail, `${person}: ${subject} in ${JSON.stringify(sent.map((m) => m.subject))}`).toBeDefined();
        for (const l of lines) expect(mail!.text).toContain(l);
      }
    });
  }

  it("records each reminder once, with an in-app notice and the email's idempotency key", async () => {
    const rows = await t.db.select().from(shiftReminders).where(eq(shiftReminders.userId, people.bob.id));
    expect(rows.map((r) => [r.kind, r.occasion.split(":").slice(1).join(":")])).toEqual([["starts_soon", "2026-11-09T14:00:00.000Z"]]);
    const bobNotices = await t.db.select().from(notices).where(and(eq(notices.userId, people.bob.id), eq(notices.kind, "shift.starts_soon")));
    expect(bobNotices).toHaveLength(1);
    expect(bobNotices[0]!.title).toBe(`Your shift on ${names.weekly} starts at 14:00`);
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, people.bob.email));
    expect(mail!.idempotencyKey).toBe(`shift-reminder:starts_soon:${people.bob.id}:${rows[0]!.occasion}`);
    // Judy opted out: nothing recorded or sent for her shift on 9 Nov.
    expect(await t.db.select().from(shiftReminders).where(eq(shiftReminders.userId, people.judy.id))).toHaveLength(0);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, people.judy.email))).toHaveLength(0);
  });

  it("the embedded driver's tick runs them at most once a minute", async () => {
    const count = async () => (await t.db.select({ id: shiftReminders.userId }).from(shiftReminders).where(inArray(shiftReminders.userId, [people.alice.id, people.ivan.id]))).length;
    expect(await count()).toBe(0);
    // 16 Nov 13:30Z: Alice and Ivan take over the weekly schedules at 14:00Z.
    const first = await runTick(t.db, new Date("2026-11-16T13:30:10Z"));
    expect(first.reminders).toBeGreaterThanOrEqual(2);
    expect(await count()).toBe(2);
    // Within the same minute the tick does not look again.
    await t.db.delete(shiftReminders).where(inArray(shiftReminders.userId, [people.alice.id, people.ivan.id]));
    expect((await runTick(t.db, new Date("2026-11-16T13:30:50Z"))).reminders).toBe(0);
    expect(await count()).toBe(0);
    // The next minute it does (and the emails' idempotency keys keep them single).
    await runTick(t.db, new Date("2026-11-16T13:31:00Z"));
    expect(await count()).toBe(2);
    expect(await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.to, people.alice.email), gt(outboxMessages.createdAt, new Date(0))))).toHaveLength(1);
  });
});

describe("isoWeekOf", () => {
  it.each([
    ["2026-01-01", "2026-W01"],
    ["2025-12-29", "2026-W01"],
    ["2026-11-09", "2026-W46"],
    ["2027-01-03", "2026-W53"],
    ["2021-01-03", "2020-W53"],
  ])("%s is %s", (d, w) => expect(isoWeekOf(d)).toBe(w));
});
