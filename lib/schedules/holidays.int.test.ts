import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { clientHolidays, schedules, teamHolidays } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { updateTeam } from "@/lib/teams/update-team";
import { fairnessReport } from "./fairness-report";
import { loadEngineSchedule, loadEngineSchedules } from "./load-engine-schedule";
import { getSchedule } from "./read-schedules";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const FROM = new Date("2026-11-02T14:00:00Z");
const TO = new Date("2026-12-14T14:00:00Z");

describe("a schedule's holidays", () => {
  it("are its client's and its team's together (sorted, each date once), or its team's alone, loaded in one batch", async () => {
    const person = await makeUser(t.db);
    const team = await makeTeam(t.db, [{ userId: person.id }]);
    const client = await makeClient(t.db, { teamIds: [team.id] });
    await t.db.insert(clientHolidays).values([
      { clientId: client.id, date: "2026-12-25", name: "Christmas Day" },
      { clientId: client.id, date: "2026-11-26", name: "Thanksgiving" },
    ]);
    await t.db.insert(teamHolidays).values([
      { teamId: team.id, date: "2026-12-31", name: "Team offsite" },
      { teamId: team.id, date: "2026-12-25", name: "Christmas" },
    ]);
    const both = (await makeWeeklySchedule(t.db, { participantIds: [person.id], teamId: team.id })).schedule;
    await t.db.update(schedules).set({ clientId: client.id }).where(eq(schedules.id, both.id));
    const teamOnly = (await makeWeeklySchedule(t.db, { participantIds: [person.id], teamId: team.id })).schedule;
    const clientOnly = (await makeWeeklySchedule(t.db, { participantIds: [person.id] })).schedule;
    await t.db.update(schedules).set({ clientId: client.id }).where(eq(schedules.id, clientOnly.id));
    const neither = (await makeWeeklySchedule(t.db, { participantIds: [person.id] })).schedule;

    expect((await loadEngineSchedule(t.db, both.id, FROM, TO)).holidays).toEqual(["2026-11-26", "2026-12-25", "2026-12-31"]);
    expect((await loadEngineSchedule(t.db, teamOnly.id, FROM, TO)).holidays).toEqual(["2026-12-25", "2026-12-31"]);
    const many = await loadEngineSchedules(t.db, [both.id, teamOnly.id, clientOnly.id, neither.id], FROM, TO);
    expect([both, teamOnly, clientOnly, neither].map((s) => many.get(s.id)!.holidays)).toEqual([["2026-11-26", "2026-12-25", "2026-12-31"], ["2026-12-25", "2026-12-31"], ["2026-11-26", "2026-12-25"], []]);

    // The schedule as the calendar and the API see it: each date once, named by both calendars where both list it.
    const viewer = await ctxFor(t.db, (await makeUser(t.db, { role: "manager" })).id);
    expect((await getSchedule(viewer, both.id)).holidays).toEqual([
      { date: "2026-11-26", name: "Thanksgiving" },
      { date: "2026-12-25", name: "Christmas Day · Christmas" },
      { date: "2026-12-31", name: "Team offsite" },
    ]);
    expect((await getSchedule(viewer, neither.id)).holidays).toEqual([]);
  });

  it("a team holiday weighs 3 per on-call hour in the team's fairness report", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const people = await Promise.all(["Eve", "Fay", "Gus"].map((n) => makeUser(t.db, { name: n, timeZone: "America/New_York" })));
    const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
    // Weekly from Mon 2026-11-02: Eve, Eve, Fay, … so Fay holds Nov 16–23 and Dec 7–14.
    await makeWeeklySchedule(t.db, { participantIds: [people[0]!.id, people[0]!.id, people[1]!.id], teamId: team.id });
    const ctx = await ctxFor(t.db, mgr.id);
    const input = { teamId: team.id, from: FROM.toISOString(), to: TO.toISOString() };
    const fay = async () => (await fairnessReport({ ctx, input })).people.find((p) => p.name === "Fay")!;
    const before = await fay();
    expect(before.hourBurden).toBeCloseTo(2 * 251, 6);
    await updateTeam({ ctx, input: { teamId: team.id, holidays: [{ date: "2026-12-09", name: "Team holiday" }] } });
    const after = await fay();
    // Wednesday Dec 9 in New York: 10 daytime hours ×1 and 14 other ×1.5 (31) become 24 holiday hours ×3 (72).
    expect(after.hourBurden).toBeCloseTo(2 * 251 - 31 + 72, 6);
    expect(after.hours).toBe(before.hours);
  });
});
