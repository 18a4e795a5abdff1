import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDbHandle } from "@/db/client";
import { layerVersions, notices, outboxMessages, scheduleOverrides, timeOff } from "@/db/schema";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { deleteUser } from "@/lib/users/delete-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { previewFill } from "./preview-fill";
import { publishFill } from "./publish-fill";
import { saveLayer } from "./save-layer";
import { getSchedule, listSchedules, listShifts, personShifts } from "./read-schedules";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

// Tuesday Nov 24 2026, 07:00 in New York: the week from Mon Nov 23 09:00 EST (14:00Z) is Carol's
// (weekly from Nov 2: Ann, Carol, Ann, Carol, …), to Mon Nov 30 09:00 EST.
const NOW = new Date("2026-11-24T12:00:00Z");

describe("reading schedules with time off", () => {
  it("the next handoff is when someone else takes over, not where the holder's time off ends", async () => {
    const ann = await makeUser(t.db, { name: "Ann Handoff" });
    const carol = await makeUser(t.db, { name: "Carol Handoff", timeZone: "America/New_York" });
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [ann.id, carol.id] });
    const ctx = { ...(await ctxFor(t.db, ann.id)), now: NOW };
    const handoff = "2026-11-30T14:00:00.000Z";
    expect(await getSchedule(ctx, schedule.id)).toMatchObject({ onCallNow: { userId: carol.id }, nextHandoff: handoff });

    // Carol is off Monday and Tuesday (her days, New York): until Wed 00:00 EST (05:00Z). She stays on call.
    await t.db.insert(timeOff).values({ userId: carol.id, fromDate: "2026-11-23", toDate: "2026-11-24" });
    expect(await getSchedule(ctx, schedule.id)).toMatchObject({ onCallNow: { userId: carol.id }, nextHandoff: handoff, gapsNext14Days: 0 });
    // The dashboard and the schedules list read the same summary.
    expect((await listSchedules(ctx)).find((s) => s.id === schedule.id)).toMatchObject({ nextHandoff: handoff });

    // The calendar still shows which part conflicts: Carol's week cut where her time off ends.
    const calendar = await listShifts(ctx, schedule.id, new Date("2026-11-23T14:00:00Z"), new Date("2026-11-30T14:00:00Z"));
    expect(calendar.map((s) => [s.userId, s.start, s.end, s.conflicts])).toEqual([
      [carol.id, "2026-11-23T14:00:00.000Z", "2026-11-25T05:00:00.000Z", ["time_off"]],
      [carol.id, "2026-11-25T05:00:00.000Z", "2026-11-30T14:00:00.000Z", []],
    ]);
  });

  it("my shifts (and the person page): time off inside a shift leaves it one shift, flagged", async () => {
    const ann = await makeUser(t.db, { name: "Ann Mine" });
    const bob = await makeUser(t.db, { name: "Bob Mine" });
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [ann.id, bob.id] });
    const from = new Date("2026-11-23T00:00:00Z");
    const to = new Date("2027-01-04T00:00:00Z");
    const before = await personShifts({ db: t.db }, bob.id, from, to);
    // Bob's weeks: Nov 23, Dec 7, Dec 21 (14:00Z, EST).
    expect(before.map((s) => [s.scheduleId, s.start, s.end])).toEqual([
      [schedule.id, "2026-11-23T14:00:00.000Z", "2026-11-30T14:00:00.000Z"],
      [schedule.id, "2026-12-07T14:00:00.000Z", "2026-12-14T14:00:00.000Z"],
      [schedule.id, "2026-12-21T14:00:00.000Z", "2026-12-28T14:00:00.000Z"],
    ]);
    expect(before.every((s) => s.conflicts.length === 0)).toBe(true);

    // Off Dec 8–10 (his zone is UTC), inside his week of Dec 7.
    await t.db.insert(timeOff).values({ userId: bob.id, fromDate: "2026-12-08", toDate: "2026-12-10" });
    const after = await personShifts({ db: t.db }, bob.id, from, to);
    expect(after.map((s) => [s.start, s.end, s.conflicts, s.shiftIndex])).toEqual(before.map((s) => [s.start, s.end, s.start.startsWith("2026-12-07") ? ["time_off"] : [], s.shiftIndex]));
  });
});

describe("a disabled account on a rotation", () => {
  it("holds nothing from when it was disabled: a coverage gap, not a silent holder; what it held before stays; enabling restores it", async () => {
    const manager = await makeUser(t.db, { role: "manager" });
    const ann = await makeUser(t.db, { name: "Ann Disabled" });
    const carol = await makeUser(t.db, { name: "Carol Disabled", timeZone: "America/New_York" });
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [ann.id, carol.id] });
    // Carol holds Nov 23 14:00Z → Nov 30 14:00Z; she is disabled on Tuesday at 12:00Z.
    const ctx = { ...(await ctxFor(t.db, manager.id)), now: NOW };
    await setUserDisabled({ ctx, input: { userId: carol.id, disabled: true } });

    expect(await getSchedule(ctx, schedule.id)).toMatchObject({ onCallNow: { userId: null }, gapsNext14Days: 2 });
    const week = await listShifts(ctx, schedule.id, new Date("2026-11-23T14:00:00Z"), new Date("2026-12-07T14:00:00Z"));
    expect(week.map((s) => [s.userId, s.origin, s.start, s.end])).toEqual([
      [carol.id, "rotation", "2026-11-23T14:00:00.000Z", "2026-11-24T12:00:00.000Z"],
      [null, "gap", "2026-11-24T12:00:00.000Z", "2026-11-30T14:00:00.000Z"],
      [ann.id, "rotation", "2026-11-30T14:00:00.000Z", "2026-12-07T14:00:00.000Z"],
    ]);
    // The fair generator leaves her out: with only Ann left there is no rotation to balance.
    await expect(previewFill({ ctx, input: { scheduleId: schedule.id, layerId: (await getSchedule(ctx, schedule.id)).layers[0]!.id, weeks: 4 } })).rejects.toThrow(/disabled accounts are left out/);

    // Disabling again keeps the first instant; enabling her on Wednesday at 18:00Z gives her the rest
    // of her week back, and the day and a half she could not be paged stays a gap.
    await setUserDisabled({ ctx: { ...ctx, now: new Date("2026-11-25T12:00:00Z") }, input: { userId: carol.id, disabled: true } });
    expect((await listShifts(ctx, schedule.id, new Date("2026-11-23T14:00:00Z"), new Date("2026-11-30T14:00:00Z")))[0]!.end).toBe("2026-11-24T12:00:00.000Z");
    const wednesday = { ...ctx, now: new Date("2026-11-25T18:00:00Z") };
    await setUserDisabled({ ctx: wednesday, input: { userId: carol.id, disabled: false } });
    expect(await getSchedule(wednesday, schedule.id)).toMatchObject({ onCallNow: { userId: carol.id }, gapsNext14Days: 0 });
    expect((await listShifts(ctx, schedule.id, new Date("2026-11-23T14:00:00Z"), new Date("2026-11-30T14:00:00Z"))).map((s) => [s.userId, s.start, s.end])).toEqual([
      [carol.id, "2026-11-23T14:00:00.000Z", "2026-11-24T12:00:00.000Z"],
      [null, "2026-11-24T12:00:00.000Z", "2026-11-25T18:00:00.000Z"],
      [carol.id, "2026-11-25T18:00:00.000Z", "2026-11-30T14:00:00.000Z"],
    ]);

    // Deleting her would cascade out of the rotation and hand Ann every week, past ones too: refused.
    const admin = { ...(await ctxFor(t.db, (await makeUser(t.db, { role: "admin" })).id)), now: NOW };
    await expect(deleteUser({ ctx: admin, input: { userId: carol.id } })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/is on the schedule .*Disable the account instead/) });
    expect(await getSchedule(wednesday, schedule.id)).toMatchObject({ onCallNow: { userId: carol.id } });
    // Someone on no schedule can still be deleted (a mistaken invitation).
    const stray = await makeUser(t.db);
    await deleteUser({ ctx: admin, input: { userId: stray.id } });
  });

  it("deleting someone who only held weeks of a kept rotation version is refused too: those weeks would name nobody", async () => {
    const manager = await makeUser(t.db, { role: "manager" });
    const [zed, amy] = [await makeUser(t.db, { name: "Zed Former" }), await makeUser(t.db, { name: "Amy Current" })];
    const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: [zed.id] });
    const ctx = { ...(await ctxFor(t.db, manager.id)), now: NOW };
    // From now on Amy takes every turn; Zed's weeks before stay his, in a kept version.
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, name: "Primary", participantIds: [amy.id], shiftUnit: "weeks", shiftCount: 1, handoffTime: "09:00", handoffWeekday: 1, startDate: "2026-11-02", effectiveFrom: NOW.toISOString() } });
    const admin = { ...(await ctxFor(t.db, (await makeUser(t.db, { role: "admin" })).id)), now: NOW };
    await expect(deleteUser({ ctx: admin, input: { userId: zed.id } })).rejects.toMatchObject({ code: "conflict" });
    expect((await listShifts(ctx, schedule.id, new Date("2026-11-02T14:00:00Z"), new Date("2026-11-09T14:00:00Z")))[0]).toMatchObject({ userId: zed.id, userName: "Zed Former" });
    // The same for someone a kept version names only in its published plan.
    const planned = await makeUser(t.db, { name: "Pat Planned" });
    const [kept] = await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id));
    await t.db.update(layerVersions).set({ assignments: [[3, planned.id]] }).where(eq(layerVersions.id, kept!.id));
    await expect(deleteUser({ ctx: admin, input: { userId: planned.id } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a published plan can't give a shift to a disabled account", async () => {
    const manager = await makeUser(t.db, { role: "manager" });
    const people = await Promise.all(["Ivy", "Jon", "Kim"].map((n) => makeUser(t.db, { name: `${n} Plan` })));
    const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id) });
    const ctx = { ...(await ctxFor(t.db, manager.id)), now: NOW };
    await setUserDisabled({ ctx, input: { userId: people[2]!.id, disabled: true } });
    const preview = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 4 } });
    expect(preview.slots.slice(1).map((s) => s.proposed.userId)).not.toContain(people[2]!.id);
    const published = await publishFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 4, layerVersion: preview.layerVersion, assignments: [{ index: preview.slots[1]!.index, userId: people[2]!.id }] } }).catch((e: unknown) => e);
    expect((published as { issues: unknown }).issues).toEqual([{ path: "assignments.0.userId", message: "That account is disabled: they can't be paged" }]);
  });

  it("disabling someone who covers a colleague's shift puts the colleague back on call there, and tells them", async () => {
    const manager = await makeUser(t.db, { role: "manager" });
    const [ann, carol] = [await makeUser(t.db, { name: "Ann Coverer" }), await makeUser(t.db, { name: "Carol Covered", timeZone: "America/New_York" })];
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [ann.id, carol.id] });
    // Carol holds Nov 23 → 30; Ann covers Wednesday to Friday of it.
    await t.db.insert(scheduleOverrides).values({ scheduleId: schedule.id, userId: ann.id, replacesUserId: carol.id, startsAt: new Date("2026-11-25T14:00:00Z"), endsAt: new Date("2026-11-27T14:00:00Z"), origin: "override", createdBy: manager.id, createdAt: NOW });
    const ctx = { ...(await ctxFor(t.db, manager.id)), now: NOW };
    await setUserDisabled({ ctx, input: { userId: ann.id, disabled: true } });
    const [told] = await t.db.select().from(notices).where(eq(notices.userId, carol.id));
    expect(told).toMatchObject({ kind: "schedule.cover_ended", title: `You are on call again on ${schedule.name}` });
    expect(told!.body).toContain("Ann Coverer's account was disabled, so their cover of your shift");
    expect(told!.body).toContain("25 Nov 2026, 09:00 – 27 Nov 2026, 09:00 (America/New_York)");
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, carol.email));
    expect(mail!.subject).toBe(`You are on call again on ${schedule.name}`);
    const wednesday = await listShifts(ctx, schedule.id, new Date("2026-11-25T15:00:00Z"), new Date("2026-11-25T16:00:00Z"));
    expect(wednesday[0]!.userId).toBe(carol.id);
  });
});
