import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { layerAssignments, layerVersions, scheduleLayers, swapRequests } from "@/db/schema";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { createSwapRequest } from "@/lib/swaps/create-swap-request";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { fairnessReport } from "./fairness-report";
import { previewFill } from "./preview-fill";
import { getSchedule, listShifts } from "./read-schedules";
import { saveLayer } from "./save-layer";
import { updateSchedule } from "./update-schedule";
import { deleteLayer } from "./delete-layer";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

// Monday 2026-11-23 11:00 New York: week 3 of a weekly rotation that began Monday 2026-11-02 09:00.
const NOW = new Date("2026-11-23T16:00:00Z");
const weekly = { name: "Primary", shiftUnit: "weeks", shiftCount: 1, handoffTime: "09:00", handoffWeekday: 1, startDate: "2026-11-02" } as const;

async function setup() {
  const mgr = await makeUser(t.db, { role: "manager" });
  const people = await Promise.all(["Ada", "Ben", "Cy", "Di"].map((n) => makeUser(t.db, { name: n, timeZone: "America/New_York" })));
  const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
  const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), teamId: team.id });
  const ctx = { ...(await ctxFor(t.db, mgr.id)), now: NOW };
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const holders = async (from: string, to: string) =>
    (await listShifts(ctx, schedule.id, new Date(from), new Date(to))).map((s) => `${s.userId ? nameOf.get(s.userId) : "—"} ${s.start.slice(5, 16)}`);
  return { ctx, people, team, schedule, layer, holders };
}

describe("editing or deleting a rotation keeps the past with the people who held it", () => {
  it("a new order holds from the edit on; the weeks before stay as they were, in the calendar and the fairness report", async () => {
    const { ctx, people, team, schedule, layer, holders } = await setup();
    const [ada, ben, cy, di] = people;
    const before = await holders("2026-11-02T14:00:00Z", "2026-12-07T14:00:00Z");
    expect(before).toEqual(["Ada 11-02T14:00", "Ben 11-09T14:00", "Cy 11-16T14:00", "Di 11-23T14:00", "Ada 11-30T14:00"]);

    // Cy and Di leave the rotation; the order is now Ben, Ada.
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [ben!.id, ada!.id] } });
    expect(await holders("2026-11-02T14:00:00Z", "2026-12-07T14:00:00Z")).toEqual([
      "Ada 11-02T14:00",
      "Ben 11-09T14:00",
      "Cy 11-16T14:00",
      "Di 11-23T14:00", // until the edit…
      "Ada 11-23T16:00", // …then the new order's holder of week 3
      "Ben 11-30T14:00",
    ]);

    // The report for the three weeks before still counts Cy's week, though Cy left the rotation.
    const report = await fairnessReport({ ctx, input: { teamId: team.id, from: "2026-11-02T14:00:00Z", to: "2026-11-23T14:00:00Z" } });
    const hours = new Map(report.people.map((p) => [p.userId, p.hours]));
    expect([ada, ben, cy].map((p) => hours.get(p!.id))).toEqual([168, 168, 168]);
    expect(hours.get(di!.id)).toBe(0);

    // A second edit keeps both earlier versions.
    const later = { ...ctx, now: new Date("2026-12-02T14:00:00Z") };
    await saveLayer({ ctx: later, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [di!.id, cy!.id] } });
    expect(await holders("2026-11-16T14:00:00Z", "2026-12-14T14:00:00Z")).toEqual(["Cy 11-16T14:00", "Di 11-23T14:00", "Ada 11-23T16:00", "Ben 11-30T14:00", "Di 12-02T14:00", "Cy 12-07T14:00"]);
    expect(await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id))).toHaveLength(2);

    // Deleting the layer after it started retires it: nobody from then on, the past kept.
    const deletedAt = { ...ctx, now: new Date("2026-12-09T14:00:00Z") };
    await deleteLayer({ ctx: deletedAt, input: { scheduleId: schedule.id, layerId: layer.id } });
    expect(await holders("2026-11-16T14:00:00Z", "2026-12-14T14:00:00Z")).toEqual(["Cy 11-16T14:00", "Di 11-23T14:00", "Ada 11-23T16:00", "Ben 11-30T14:00", "Di 12-02T14:00", "Cy 12-07T14:00", "— 12-09T14:00"]);
    expect(await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id))).toHaveLength(2);
    const past = await listShifts(deletedAt, schedule.id, new Date("2026-11-16T14:00:00Z"), new Date("2026-11-17T14:00:00Z"));
    expect(past.map((p) => p.layerName)).toEqual(["Primary (deleted)"]);
    const after = await getSchedule(deletedAt, schedule.id);
    expect(after.layers).toEqual([]);
    const retiredReport = await fairnessReport({ ctx: deletedAt, input: { teamId: team.id, from: "2026-11-02T14:00:00Z", to: "2026-11-23T14:00:00Z" } });
    expect(retiredReport.people.find((p) => p.userId === cy!.id)!.hours).toBe(168);
    // It can no longer be edited, deleted again or filled.
    await expect(saveLayer({ ctx: deletedAt, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [ada!.id, ben!.id] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteLayer({ ctx: deletedAt, input: { scheduleId: schedule.id, layerId: layer.id } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewFill({ ctx: deletedAt, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 4 } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deleting a layer that had not started removes it", async () => {
    const { ctx, people } = await setup();
    const future = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), startDate: "2027-01-04" });
    await deleteLayer({ ctx, input: { scheduleId: future.schedule.id, layerId: future.layer.id } });
    expect(await t.db.select().from(scheduleLayers).where(eq(scheduleLayers.id, future.layer.id))).toEqual([]);
  });

  it("deleting a layer whose rotation was moved to a later start keeps the weeks it already had", async () => {
    const { ctx, people, schedule, layer, holders } = await setup();
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, startDate: "2027-01-04", participantIds: people.map((p) => p.id) } });
    await deleteLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id } });
    expect(await holders("2026-11-02T14:00:00Z", "2026-11-16T14:00:00Z")).toEqual(["Ada 11-02T14:00", "Ben 11-09T14:00"]);
  });

  it("keeps no version when who is on call does not change (a new name) or nothing had started", async () => {
    const { ctx, people, schedule, layer, holders } = await setup();
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, name: "Primary (renamed)", participantIds: people.map((p) => p.id) } });
    expect(await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id))).toHaveLength(0);
    expect(await holders("2026-11-16T14:00:00Z", "2026-11-30T14:00:00Z")).toEqual(["Cy 11-16T14:00", "Di 11-23T14:00"]);

    const future = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), startDate: "2027-01-04" });
    await saveLayer({ ctx, input: { scheduleId: future.schedule.id, layerId: future.layer.id, ...weekly, startDate: "2027-01-04", participantIds: [people[3]!.id, people[0]!.id] } });
    expect(await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, future.layer.id))).toHaveLength(0);
  });

  it("moving a layer above another changes who wins from then on, not before", async () => {
    const { ctx, people, schedule, layer, holders } = await setup();
    const [ada, ben, cy, di] = people;
    const top = await saveLayer({ ctx, input: { scheduleId: schedule.id, ...weekly, name: "Top", participantIds: [ben!.id], position: 1 } });
    expect(top.layers.map((l) => [l.name, l.position])).toEqual([["Primary", 0], ["Top", 1]]);
    // Two layers in use can't share a place.
    const clash = await saveLayer({ ctx, input: { scheduleId: schedule.id, ...weekly, name: "Clash", participantIds: [cy!.id], position: 1 } }).catch((e: unknown) => e);
    expect((clash as InvalidError).issues).toEqual([{ path: "position", message: "The layer “Top” is at position 1; pick another place" }]);
    // A new layer holds from when it was added: its start date in the past sets the rotation's phase, not history.
    expect(await holders("2026-11-16T14:00:00Z", "2026-12-07T14:00:00Z")).toEqual(["Cy 11-16T14:00", "Di 11-23T14:00", "Ben 11-23T16:00"]);
    // A day later Primary moves above Top: it wins from then on; the day before stays Top's.
    const dayLater = { ...ctx, now: new Date(NOW.getTime() + 86_400_000) };
    await saveLayer({ ctx: dayLater, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [ada!.id, ben!.id, cy!.id, di!.id], position: 2 } });
    expect(await holders("2026-11-16T14:00:00Z", "2026-12-07T14:00:00Z")).toEqual(["Cy 11-16T14:00", "Di 11-23T14:00", "Ben 11-23T16:00", "Di 11-24T16:00", "Ada 11-30T14:00"]);
  });

  it("a published plan keeps its decisions through an edit, except those of people who left; a new grid of shifts drops it", async () => {
    const { ctx, people, schedule, layer, holders } = await setup();
    const [ada, ben, cy, di] = people;
    // Published: week 4 Cy, week 5 Ada, week 6 Di (the listed order would give Ada, Ben, Cy).
    await t.db.insert(layerAssignments).values([
      [4, cy!],
      [5, ada!],
      [6, di!],
    ].map(([shiftIndex, u]) => ({ layerId: layer.id, shiftIndex: shiftIndex as number, userId: (u as { id: string }).id, publishedBy: ctx.viewer.userId, publishedAt: NOW })));
    expect(await holders("2026-11-23T14:00:00Z", "2026-12-21T14:00:00Z")).toEqual(["Di 11-23T14:00", "Cy 11-30T14:00", "Ada 12-07T14:00", "Di 12-14T14:00"]);

    // Cy leaves from the next handoff: her planned week goes back to the listed order (Ada, Ben, Di: week 4 is Ben's).
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [ada!.id, ben!.id, di!.id], effectiveFrom: "2026-11-30T14:00:00Z" } });
    expect(await holders("2026-11-23T14:00:00Z", "2026-12-28T14:00:00Z")).toEqual(["Di 11-23T14:00", "Ben 11-30T14:00", "Ada 12-07T14:00", "Di 12-14T14:00", "Ben 12-21T14:00"]);

    // A new handoff time is a new grid: the plan goes, the listed order holds from the edit on.
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, handoffTime: "10:00", participantIds: [ada!.id, ben!.id, di!.id], effectiveFrom: "2026-12-07T15:00:00Z" } });
    expect(await t.db.select().from(layerAssignments).where(eq(layerAssignments.layerId, layer.id))).toEqual([]);
    expect(await holders("2026-11-30T14:00:00Z", "2026-12-21T15:00:00Z")).toEqual(["Ben 11-30T14:00", "Ada 12-07T14:00", "Di 12-07T15:00", "Ada 12-14T15:00"]);
  });

  it("changing the schedule's zone moves handoffs from now on; the weeks worked stay where they were", async () => {
    const { ctx, people, team, schedule, holders } = await setup();
    const [ada, ben] = people;
    const request = await createSwapRequest({ ctx: { ...(await ctxFor(t.db, ada!.id)), now: NOW }, input: { scheduleId: schedule.id, layerId: (await getSchedule(ctx, schedule.id)).layers[0]!.id, shiftIndex: 4, kind: "cover", counterpartId: ben!.id } });
    await updateSchedule({ ctx, input: { scheduleId: schedule.id, timeZone: "Europe/London" } });
    // 09:00 London is 09:00 UTC in November: Di keeps the week in progress until then.
    expect(await holders("2026-11-02T14:00:00Z", "2026-12-14T09:00:00Z")).toEqual(["Ada 11-02T14:00", "Ben 11-09T14:00", "Cy 11-16T14:00", "Di 11-23T14:00", "Ada 11-30T09:00", "Ben 12-07T09:00"]);
    const report = await fairnessReport({ ctx, input: { teamId: team.id, from: "2026-11-02T14:00:00Z", to: "2026-11-23T14:00:00Z" } });
    expect(report.people.filter((p) => p.hours > 0).map((p) => p.hours)).toEqual([168, 168, 168]);
    // Ada's request named her week as it was (from 09:00 New York): it moved, so it is flagged.
    const [after] = await t.db.select().from(swapRequests).where(eq(swapRequests.id, request.id));
    expect(after!.flaggedAt).not.toBeNull();
    // Changing it again keeps both earlier zones.
    await updateSchedule({ ctx: { ...ctx, now: new Date("2026-12-02T12:00:00Z") }, input: { scheduleId: schedule.id, timeZone: "Asia/Kolkata" } });
    expect(await holders("2026-11-02T14:00:00Z", "2026-12-02T12:00:00Z")).toEqual(["Ada 11-02T14:00", "Ben 11-09T14:00", "Cy 11-16T14:00", "Di 11-23T14:00", "Ada 11-30T09:00"]);
    const zones = (await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, (await getSchedule(ctx, schedule.id)).layers[0]!.id))).map((v) => v.timeZone).sort();
    expect(zones).toEqual(["America/New_York", "Europe/London"]);
  });

  it("an edit planned ahead holds from then; until then the rotation as it is, and the page says so", async () => {
    const { ctx, people, schedule, layer, holders } = await setup();
    const [ada, ben, cy, di] = people;
    const nextHandoff = "2026-11-30T14:00:00.000Z";
    expect((await getSchedule(ctx, schedule.id)).layers[0]).toMatchObject({ effectiveFrom: null, nextHandoff });

    // At the next handoff, the order becomes Ben, Ada: Di keeps her week to its end.
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [ben!.id, ada!.id], effectiveFrom: nextHandoff } });
    expect(await holders("2026-11-16T14:00:00Z", "2026-12-14T14:00:00Z")).toEqual(["Cy 11-16T14:00", "Di 11-23T14:00", "Ben 11-30T14:00", "Ada 12-07T14:00"]);
    expect((await getSchedule(ctx, schedule.id)).layers[0]).toMatchObject({
      effectiveFrom: nextHandoff,
      participants: [{ userId: ben!.id }, { userId: ada!.id }],
      participantsUntilThen: [ada, ben, cy, di].map((p) => ({ userId: p!.id, name: p!.name })),
    });
    // Once it holds, nothing is pending.
    expect((await getSchedule({ ...ctx, now: new Date("2026-12-01T00:00:00Z") }, schedule.id)).layers[0]).toMatchObject({ effectiveFrom: null, participantsUntilThen: null });

    // A second change planned later stacks on it: Cy and Di from 14 December.
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [cy!.id, di!.id], effectiveFrom: "2026-12-14T14:00:00Z" } });
    expect(await holders("2026-11-23T14:00:00Z", "2026-12-21T14:00:00Z")).toEqual(["Di 11-23T14:00", "Ben 11-30T14:00", "Ada 12-07T14:00", "Cy 12-14T14:00"]);
    expect(await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id))).toHaveLength(2);

    // An edit taking effect before the planned one replaces it: the rotation holding then ends then.
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [ada!.id, ben!.id, cy!.id, di!.id], effectiveFrom: "2026-12-07T14:00:00Z" } });
    expect(await holders("2026-11-23T14:00:00Z", "2026-12-21T14:00:00Z")).toEqual(["Di 11-23T14:00", "Ben 11-30T14:00", "Cy 12-14T14:00"]);
    const versions = await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id));
    expect(versions.map((v) => v.validUntil.toISOString()).sort()).toEqual([nextHandoff, "2026-12-07T14:00:00.000Z"]);

    // …and one taking effect now replaces everything still planned.
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [di!.id, cy!.id] } });
    expect(await holders("2026-11-16T14:00:00Z", "2026-12-14T14:00:00Z")).toEqual(["Cy 11-16T14:00", "Di 11-23T14:00", "Cy 11-23T16:00", "Di 11-30T14:00", "Cy 12-07T14:00"]);
    const left = await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id));
    expect(left.map((v) => v.validUntil.toISOString())).toEqual([NOW.toISOString()]);
    expect((await getSchedule(ctx, schedule.id)).layers[0]!.effectiveFrom).toBeNull();
  });

  it("fills an edit planned ahead from when it takes effect, and leaves requests on shifts before then alone", async () => {
    const { ctx, people, schedule, layer } = await setup();
    const [ada, ben, cy, di] = people;
    const as = async (u: { id: string }) => ({ ...(await ctxFor(t.db, u.id)), now: NOW });
    const request = await createSwapRequest({ ctx: await as(ada!), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 4, kind: "cover", counterpartId: ben!.id } });
    // Cy's week 6 (14 December), which the new order gives to Ben.
    const moved = await createSwapRequest({ ctx: await as(cy!), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 6, kind: "cover", counterpartId: ada!.id } });
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [ben!.id, ada!.id], effectiveFrom: "2026-12-07T14:00:00Z" } });
    const flagged = new Map((await t.db.select().from(swapRequests).where(eq(swapRequests.layerId, layer.id))).map((r) => [r.id, r.flaggedAt]));
    expect(flagged.get(request.id)).toBeNull();
    expect(flagged.get(moved.id)).not.toBeNull();

    // Until the change takes effect the rotation as it is holds: Di's week in progress is still hers to give
    // away, though the new order would give that instance to Ada.
    const dis = await createSwapRequest({ ctx: await as(di!), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 3, kind: "cover", counterpartId: ben!.id } });
    expect(dis.id).toBeTruthy();
    const notAdas = await createSwapRequest({ ctx: await as(ada!), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 3, kind: "cover", counterpartId: ben!.id } }).catch((e: unknown) => e);
    expect((notAdas as InvalidError).issues).toEqual([{ path: "shiftIndex", message: "That shift is not yours to give away" }]);

    const preview = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 4 } });
    expect(preview.slots[0]!.start).toBe("2026-12-07T14:00:00.000Z");
    expect(new Set(preview.slots.map((s) => s.proposed.userId))).toEqual(new Set([ada!.id, ben!.id]));
  });

  it("flags a swap whose shift offered in exchange the edit moves, though the requester's own shift stays", async () => {
    const { ctx, people, schedule, layer } = await setup();
    const [ada, , cy, di] = people;
    const as = async (u: { id: string }) => ({ ...(await ctxFor(t.db, u.id)), now: NOW });
    // Ada's week 4 (30 November) for Cy's week 6 (14 December), which the new order gives to someone else.
    const swap = await createSwapRequest({ ctx: await as(ada!), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 4, kind: "swap", counterpartId: cy!.id, counterpartShiftIndex: 6 } });
    // Di's week in progress for Ada's week 4: both before the change.
    const kept = await createSwapRequest({ ctx: await as(di!), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 3, kind: "swap", counterpartId: ada!.id, counterpartShiftIndex: 4 } });
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: [people[1]!.id, ada!.id], effectiveFrom: "2026-12-07T14:00:00Z" } });
    const flagged = new Map((await t.db.select().from(swapRequests).where(eq(swapRequests.layerId, layer.id))).map((r) => [r.id, r.flaggedAt]));
    expect(flagged.get(swap.id)).not.toBeNull();
    expect(flagged.get(kept.id)).toBeNull();
  });

  it("refuses a change planned in the past, more than a year ahead, or for a new layer, and writes nothing", async () => {
    const { ctx, people, schedule, layer, holders } = await setup();
    const ids = people.map((p) => p.id).reverse();
    const before = await holders("2026-11-16T14:00:00Z", "2026-12-14T14:00:00Z");
    for (const [effectiveFrom, message] of [
      ["2026-11-23T14:00:00Z", "A change can't take effect in the past"],
      ["2027-12-01T14:00:00Z", "At most a year ahead"],
      ["next week", "Use an ISO 8601 instant, e.g. 2026-11-23T14:00:00Z"],
    ]) {
      const refused = await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, ...weekly, participantIds: ids, effectiveFrom } }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InvalidError);
      expect((refused as InvalidError).issues).toEqual([{ path: "effectiveFrom", message }]);
    }
    const added = await saveLayer({ ctx, input: { scheduleId: schedule.id, ...weekly, participantIds: ids, effectiveFrom: "2026-12-07T14:00:00Z" } }).catch((e: unknown) => e);
    expect((added as InvalidError).issues).toEqual([{ path: "effectiveFrom", message: "Only an edit takes effect later; a new layer starts on its start date" }]);
    expect(await holders("2026-11-16T14:00:00Z", "2026-12-14T14:00:00Z")).toEqual(before);
    expect(await t.db.select().from(layerVersions).where(eq(layerVersions.layerId, layer.id))).toHaveLength(0);
    expect((await getSchedule(ctx, schedule.id)).layers).toHaveLength(1);
  });
});
