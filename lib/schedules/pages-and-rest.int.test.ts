import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { incidents, scheduleOverrides, teams } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeService, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { arduousCoverSuggestions } from "./arduous-suggestions";
import { fairnessReport } from "./fairness-report";
import { loadPageTimes } from "./page-times";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("pages weigh on whoever was on call", () => {
  it("three sleep-band pages make the week arduous: the report counts them and the next week is suggested for cover", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const [ann, ben] = await Promise.all([makeUser(t.db, { name: "Ann", timeZone: "America/New_York" }), makeUser(t.db, { name: "Ben", timeZone: "America/New_York" })]);
    const team = await makeTeam(t.db, [{ userId: ann.id }, { userId: ben.id }]);
    // Ann, Ben, Ann, Ben… from Mon 2026-11-02: Ann holds Nov 16–23 and Nov 30–Dec 7.
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [ann.id, ben.id, ann.id, ben.id], teamId: team.id });
    // Ann also covers one day of Ben's week, inside the rest she is owed.
    await t.db.insert(scheduleOverrides).values({ scheduleId: schedule.id, userId: ann.id, startsAt: new Date("2026-11-26T14:00:00Z"), endsAt: new Date("2026-11-27T14:00:00Z") });
    const client = await makeClient(t.db, { teamIds: [team.id] });
    const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
    const page = (iso: string, deferredUntil?: string, promotedAt?: string) => ({
      title: "Disk full",
      priority: "high" as const,
      clientId: client.id,
      serviceId: service.id,
      teamId: team.id,
      triggeredAt: new Date(iso),
      deferredUntil: deferredUntil ? new Date(deferredUntil) : null,
      promotedAt: promotedAt ? new Date(promotedAt) : null,
    });
    await t.db.insert(incidents).values([
      page("2026-11-18T07:00:00Z"), // 02:00 New York: sleep band
      page("2026-11-19T08:30:00Z"), // 03:30
      page("2026-11-20T04:00:00Z"), // 23:00
      page("2026-11-20T17:00:00Z"), // 12:00: awake
      page("2026-11-21T02:00:00Z", "2026-11-23T13:00:00Z", "2026-11-23T13:00:00Z"), // deferred: pages when promoted, Mon 08:00 (still Ann's week)
    ]);
    const times = await loadPageTimes(t.db, { teamId: team.id, from: new Date("2026-11-16T00:00:00Z"), to: new Date("2026-11-30T00:00:00Z") });
    expect(times.map((x) => new Date(x).toISOString())).toEqual(["2026-11-18T07:00:00.000Z", "2026-11-19T08:30:00.000Z", "2026-11-20T04:00:00.000Z", "2026-11-20T17:00:00.000Z", "2026-11-23T13:00:00.000Z"]);

    const ctx = { ...(await ctxFor(t.db, mgr.id)), now: new Date("2026-11-24T12:00:00Z") };
    const report = await fairnessReport({ ctx, input: { teamId: team.id, from: "2026-11-16T14:00:00Z", to: "2026-11-30T14:00:00Z" } });
    const byName = Object.fromEntries(report.people.map((p) => [p.name, p]));
    expect(byName.Ann).toMatchObject({ pages: 5, sleepBandPages: 3, arduousShifts: 1 });
    expect(byName.Ben).toMatchObject({ pages: 0, sleepBandPages: 0, arduousShifts: 0 });
    // The week's 251 weighted hours + 3 sleep pages × 3 + 2 awake × 1, and the covered Thursday
    // 09:00 → Friday 09:00: 9 h × 1 + 6 h × 1.5 + 8 h × 1.5 + 1 h × 1 = 31.
    expect(byName.Ann!.burden).toBeCloseTo(251 + 11 + 31, 6);

    // Ann's arduous week ended Mon Nov 23 09:00: the day she covers on Nov 26 falls in her rest
    // (her own next week starts exactly 7 days after, which the rule allows).
    const suggestions = await arduousCoverSuggestions({ ...ctx, now: new Date("2026-11-24T12:00:00Z") });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ userName: "Ann", sleepBandPages: 3, arduousEndedAt: "2026-11-23T14:00:00.000Z" });
    expect(suggestions[0]!.shifts.map((s) => s.start)).toEqual(["2026-11-26T14:00:00.000Z"]);
  });

  it("the team's weights say what is arduous, and a week's early pages count however long ago they were", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const [pat, quin] = await Promise.all([makeUser(t.db, { name: "Pat", timeZone: "America/New_York" }), makeUser(t.db, { name: "Quin", timeZone: "America/New_York" })]);
    const team = await makeTeam(t.db, [{ userId: pat.id }, { userId: quin.id }]);
    await t.db.update(teams).set({ burdenWeights: { arduousSleepPages: 2 } }).where(eq(teams.id, team.id));
    // Pat holds Nov 16–23 and covers Quin's Thursday Nov 26, inside the rest.
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [pat.id, quin.id, pat.id, quin.id], teamId: team.id });
    await t.db.insert(scheduleOverrides).values({ scheduleId: schedule.id, userId: pat.id, startsAt: new Date("2026-11-26T14:00:00Z"), endsAt: new Date("2026-11-27T14:00:00Z") });
    const client = await makeClient(t.db, { teamIds: [team.id] });
    const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
    // Two sleep-band pages on the Tuesday of Pat's week, 8 days before now.
    await t.db.insert(incidents).values(
      ["2026-11-17T07:00:00Z", "2026-11-17T08:00:00Z"].map((iso) => ({ title: "Disk full", priority: "high" as const, clientId: client.id, serviceId: service.id, teamId: team.id, triggeredAt: new Date(iso) })),
    );
    const ctx = { ...(await ctxFor(t.db, mgr.id)), now: new Date("2026-11-25T12:00:00Z") };
    const suggestions = await arduousCoverSuggestions(ctx, { scheduleId: schedule.id });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ userName: "Pat", sleepBandPages: 2, arduousEndedAt: "2026-11-23T14:00:00.000Z" });
    expect(suggestions[0]!.shifts.map((s) => s.start)).toEqual(["2026-11-26T14:00:00.000Z"]);
    // With the default weights two sleep-band pages are not arduous.
    await t.db.update(teams).set({ burdenWeights: null }).where(eq(teams.id, team.id));
    expect(await arduousCoverSuggestions(ctx, { scheduleId: schedule.id })).toEqual([]);
  });
});
