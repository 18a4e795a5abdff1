import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useDbHandle } from "@/db/client";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { NotFoundError } from "@/lib/errors";
import { GET } from "@/app/api/ical/[token]/route";
import { createIcalFeed, renderIcalFeed, revokeIcalFeed } from "./ical-feeds";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const NOW = new Date("2026-11-23T12:00:00Z");
const DEBIAN_PYTHON = "/usr/bin/python3";
const hasIcalendar = fs.existsSync(DEBIAN_PYTHON) && (() => {
  try {
    execFileSync(DEBIAN_PYTHON, ["-c", "import icalendar"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("iCal feeds", () => {
  it("a schedule feed lists final shifts from a month back to six ahead; revoking makes it 404", async () => {
    const [a, b] = [await makeUser(t.db, { name: "Ann Feed" }), await makeUser(t.db, { name: "Ben Feed" })];
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [a.id, b.id] });
    const ctx = { ...(await ctxFor(t.db, a.id)), now: NOW };
    const { token } = await createIcalFeed({ ctx, input: { kind: "schedule", targetId: schedule.id } });
    expect(token).toMatch(/^[a-z0-9]{8}\.[A-Za-z0-9_-]{43}$/);
    const { body } = await renderIcalFeed(t.db, token, NOW);
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain("SUMMARY:On call: Ann Feed");
    expect(body).toContain("SUMMARY:On call: Ben Feed");
    // Weekly from 2026-11-02 (first shift starts then; a month back is Oct 23): Nov 2 → Jun 1 ≈ 30 shifts.
    const events = body.match(/BEGIN:VEVENT/g)!.length;
    expect(events).toBeGreaterThanOrEqual(29);
    expect(events).toBeLessThanOrEqual(31);

    const res = await GET(new NextRequest(`http://localhost/api/ical/${token}.ics`), { params: Promise.resolve({ token: `${token}.ics` }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");

    if (hasIcalendar) {
      const file = `/tmp/baton-feed-${Date.now()}.ics`;
      fs.writeFileSync(file, body);
      const parsed = execFileSync(DEBIAN_PYTHON, ["-c", "import sys,icalendar;c=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read());e=[x for x in c.walk('VEVENT')];print(len(e));print(e[0].get('dtstart').dt.isoformat())", file], { encoding: "utf8" }).trim().split("\n");
      expect(Number(parsed[0])).toBe(events);
      // The first event is the gap before the first shift (Nov 2), listed from the stable read boundary (Sep 1).
      expect(parsed[1]).toBe("2026-09-01T00:00:00+00:00");
    } else {
      console.warn("python3-icalendar is not installed (apt-get install -y python3-icalendar): the independent .ics parse was skipped");
    }

    await revokeIcalFeed({ ctx, input: { kind: "schedule", targetId: schedule.id } });
    await expect(renderIcalFeed(t.db, token, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const gone = await GET(new NextRequest(`http://localhost/api/ical/${token}`), { params: Promise.resolve({ token }) });
    expect(gone.status).toBe(404);
  });

  it("fetches an hour apart list the same events: the shift under way a month back keeps its real start and UID", async () => {
    const [a, b] = [await makeUser(t.db, { name: "Ann Stable" }), await makeUser(t.db, { name: "Ben Stable" })];
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [a.id, b.id], startDate: "2026-01-05" });
    const ctx = { ...(await ctxFor(t.db, a.id)), now: NOW };
    const { token } = await createIcalFeed({ ctx, input: { kind: "schedule", targetId: schedule.id } });
    const events = (body: string) => [...body.matchAll(/UID:(.+)\r\n(?:.*\r\n)*?DTSTART:(\S+)\r\n(?:.*\r\n)*?DTEND:(\S+)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`).sort();
    const first = events((await renderIcalFeed(t.db, token, NOW)).body);
    const hourLater = events((await renderIcalFeed(t.db, token, new Date(NOW.getTime() + 3_600_000))).body);
    expect(hourLater).toEqual(first);
    // A month back is Oct 23 12:00Z, inside the week that began Mon Oct 19 09:00 New York (13:00Z): listed whole.
    expect(first[0]).toMatch(/^[^ ]+-2026-10-19T13:00:00.000Z-[^ ]+ 20261019T130000Z 20261026T130000Z$/);
    // The last: the week under way when the window closes (183 days on: 2027-05-25 12:00Z, in the week from May 24), whole.
    expect(first.at(-1)).toMatch(/ 20270524T130000Z 20270531T130000Z$/);
  });

  it("a new holder is a new event: an override changes the UID, so calendar apps replace the old event", async () => {
    const [a, b, c] = [await makeUser(t.db, { name: "Ann Uid" }), await makeUser(t.db, { name: "Ben Uid" }), await makeUser(t.db, { name: "Cat Uid" })];
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [a.id, b.id] });
    const ctx = { ...(await ctxFor(t.db, a.id)), now: NOW };
    const { token } = await createIcalFeed({ ctx, input: { kind: "schedule", targetId: schedule.id } });
    const uidOf = (body: string, start: string) => body.split("BEGIN:VEVENT").find((e) => e.includes(`DTSTART:${start}\r\n`))?.match(/UID:(\S+)/)?.[1];
    const before = uidOf((await renderIcalFeed(t.db, token, NOW)).body, "20261130T140000Z");
    expect(before).toBeTruthy();
    const { scheduleOverrides } = await import("@/db/schema");
    await t.db.insert(scheduleOverrides).values({ scheduleId: schedule.id, userId: c.id, startsAt: new Date("2026-11-30T14:00:00Z"), endsAt: new Date("2026-12-07T14:00:00Z") });
    const after = (await renderIcalFeed(t.db, token, NOW)).body;
    expect(after).toContain("SUMMARY:On call: Cat Uid");
    expect(uidOf(after, "20261130T140000Z")).not.toBe(before);
    expect(after).not.toContain(`UID:${before}`);
  });

  it("time off inside a shift changes no event: still one event, same UID, start and end (schedule and person feeds)", async () => {
    const [a, b] = [await makeUser(t.db, { name: "Ann Away" }), await makeUser(t.db, { name: "Bob Away" })];
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [a.id, b.id] });
    const ctx = { ...(await ctxFor(t.db, b.id)), now: NOW };
    const scheduleFeed = (await createIcalFeed({ ctx, input: { kind: "schedule", targetId: schedule.id } })).token;
    const personFeed = (await createIcalFeed({ ctx, input: { kind: "person", targetId: b.id } })).token;
    const events = (body: string) =>
      body
        .split("BEGIN:VEVENT")
        .slice(1)
        .map((e) => ["UID", "DTSTART", "DTEND", "SUMMARY"].map((k) => e.match(new RegExp(`\\r\\n${k}:(.+)\\r\\n`))?.[1]).join(" "))
        .sort();
    const [scheduleBefore, personBefore] = [events((await renderIcalFeed(t.db, scheduleFeed, NOW)).body), events((await renderIcalFeed(t.db, personFeed, NOW)).body)];
    // Bob's week from Mon Dec 7 09:00 New York (14:00Z) to Mon Dec 14.
    const bobsWeek = (list: string[]) => list.filter((e) => e.includes(" 20261207T140000Z 20261214T140000Z "));
    expect(bobsWeek(scheduleBefore)).toHaveLength(1);
    expect(bobsWeek(personBefore)).toHaveLength(1);

    // Off Dec 8–10 (his zone is UTC), inside that week; then the time off is edited to Dec 9–12.
    const { timeOff } = await import("@/db/schema");
    const [row] = await t.db.insert(timeOff).values({ userId: b.id, fromDate: "2026-12-08", toDate: "2026-12-10" }).returning();
    expect(events((await renderIcalFeed(t.db, scheduleFeed, NOW)).body)).toEqual(scheduleBefore);
    expect(events((await renderIcalFeed(t.db, personFeed, NOW)).body)).toEqual(personBefore);
    const { eq } = await import("drizzle-orm");
    await t.db.update(timeOff).set({ fromDate: "2026-12-09", toDate: "2026-12-12" }).where(eq(timeOff.id, row!.id));
    const scheduleAfter = events((await renderIcalFeed(t.db, scheduleFeed, NOW)).body);
    expect(scheduleAfter).toEqual(scheduleBefore);
    expect(events((await renderIcalFeed(t.db, personFeed, NOW)).body)).toEqual(personBefore);
    expect(bobsWeek(scheduleAfter)).toHaveLength(1);
    // The event says the shift is flagged for time off (as the calendar's amber frame does).
    const description = (body: string) => body.split("BEGIN:VEVENT").find((e) => e.includes("DTSTART:20261207T140000Z"))?.match(/\r\nDESCRIPTION:(.+)\r\n/)?.[1];
    expect(description((await renderIcalFeed(t.db, scheduleFeed, NOW)).body)).toContain("Bob Away is on time off during this shift");
    expect(description((await renderIcalFeed(t.db, personFeed, NOW)).body)).toContain("You are on time off during this shift");
  });

  it("a person feed: only their own (managers anyone's); a new URL replaces the old one", async () => {
    const a = await makeUser(t.db);
    const b = await makeUser(t.db);
    await makeWeeklySchedule(t.db, { participantIds: [a.id, b.id] });
    const ctxA = { ...(await ctxFor(t.db, a.id)), now: NOW };
    await expect(createIcalFeed({ ctx: ctxA, input: { kind: "person", targetId: b.id } })).rejects.toThrow();
    const first = await createIcalFeed({ ctx: ctxA, input: { kind: "person", targetId: a.id } });
    const second = await createIcalFeed({ ctx: ctxA, input: { kind: "person", targetId: a.id } });
    await expect(renderIcalFeed(t.db, first.token, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const { body } = await renderIcalFeed(t.db, second.token, NOW);
    expect(body.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThanOrEqual(14);
    await expect(renderIcalFeed(t.db, "garbage", NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});
