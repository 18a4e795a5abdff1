import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { incidents, layerAssignments, notices, scheduleLayers, swapRequests, timeOff } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeService, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { holidaySet, hourBurden } from "@/lib/core/fairness";
import { ConflictError, InvalidError } from "@/lib/errors";
import { fairnessReport } from "./fairness-report";
import { previewFill } from "./preview-fill";
import { publishFill } from "./publish-fill";
import { listShifts } from "./read-schedules";
import { saveLayer } from "./save-layer";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const NOW = new Date("2026-11-23T16:00:00Z"); // Monday 11:00 New York, inside instance 3 of a rotation from 2026-11-02

describe("fill the next N weeks", () => {
  it("previews a fair quarter that respects time off and avoids back-to-back, then publishes it", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const people = await Promise.all(["Ada", "Ben", "Cy", "Di"].map((n) => makeUser(t.db, { name: n, timeZone: "America/New_York" })));
    const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
    const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), teamId: team.id });
    // Ben is away for two weeks in December.
    await t.db.insert(timeOff).values({ userId: people[1]!.id, fromDate: "2026-12-05", toDate: "2026-12-20" });
    const ctx = { ...(await ctxFor(t.db, mgr.id)), now: NOW };

    const preview = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13 } });
    expect(preview.slots[0]).toMatchObject({ index: 3, start: "2026-11-23T14:00:00.000Z" });
    expect(preview.slots).toHaveLength(13);
    expect(preview.slots[0]!.proposed.userId).toBe(preview.slots[0]!.plain.userId); // the week in progress stays
    const ben = people[1]!.id;
    for (const s of preview.slots) {
      const overlapsAway = s.start < "2026-12-21" && s.end > "2026-12-05";
      if (overlapsAway) expect(s.proposed.userId).not.toBe(ben);
    }
    for (let i = 1; i < preview.slots.length; i++) expect(preview.slots[i]!.proposed.userId).not.toBe(preview.slots[i - 1]!.proposed.userId);
    expect(preview.after.breaks).toBe(0);
    expect(preview.after.gap).toBeLessThanOrEqual(preview.before.gap + 1e-9);
    expect(preview.people.map((p) => p.name).sort()).toEqual(["Ada", "Ben", "Cy", "Di"]);

    const assignments = preview.slots.map((s) => ({ index: s.index, userId: s.proposed.userId }));
    const published = await publishFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13, layerVersion: preview.layerVersion, assignments } });
    expect(published.published).toBe(13);
    const shifts = await listShifts(ctx, schedule.id, new Date("2026-11-23T14:00:00Z"), new Date("2027-02-22T14:00:00Z"));
    expect(shifts.map((s) => s.userId)).toEqual(preview.slots.map((s) => s.proposed.userId));
    // Filling again right away keeps what was just published: nobody's week moves.
    const again = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13 } });
    expect(again.slots.map((s) => s.scheduled.userId)).toEqual(preview.slots.map((s) => s.proposed.userId));
    expect(again.slots.filter((s) => s.moves).map((s) => s.index)).toEqual([]);

    // A layer edit bumps its version: publishing the old preview is refused.
    await saveLayer({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, name: "Primary", participantIds: people.map((p) => p.id), shiftUnit: "weeks", shiftCount: 1, handoffTime: "09:00", handoffWeekday: 1, startDate: "2026-11-02" } });
    await expect(publishFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13, layerVersion: preview.layerVersion, assignments } })).rejects.toBeInstanceOf(ConflictError);
    await expect(publishFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13, layerVersion: preview.layerVersion + 1, assignments: [{ index: 999, userId: ben }] } })).rejects.toBeInstanceOf(InvalidError);
  });

  it("keeps the plain rotation on a team that is already fair (no shift changes hands)", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const people = await Promise.all(["Hal", "Ivy", "Jo", "Kit"].map((n) => makeUser(t.db, { name: n, timeZone: "America/New_York" })));
    const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
    const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), teamId: team.id });
    const ctx = { ...(await ctxFor(t.db, mgr.id)), now: NOW };
    const preview = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13 } });
    expect(preview.slots.map((s) => s.proposed.userId)).toEqual(preview.slots.map((s) => s.plain.userId));
    expect(preview.slots.some((s) => s.changed)).toBe(false);
    expect(preview.slots.some((s) => s.moves)).toBe(false);
    expect(preview.after.gap).toBeCloseTo(preview.before.gap, 9);

    // A plan published earlier gave week 5 to someone else: the preview names who holds it now, and that publishing moves it.
    const week5 = preview.slots[2]!;
    const other = people.find((p) => p.id !== week5.plain.userId && p.id !== preview.slots[1]!.plain.userId && p.id !== preview.slots[3]!.plain.userId)!;
    await t.db.insert(layerAssignments).values({ layerId: layer.id, shiftIndex: week5.index, userId: other.id, publishedBy: mgr.id, publishedAt: NOW });
    const again = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13 } });
    const slot = again.slots.find((s) => s.index === week5.index)!;
    expect({ scheduled: slot.scheduled.name, plain: slot.plain.name, moves: slot.moves }).toEqual({ scheduled: other.name, plain: week5.plain.name, moves: slot.proposed.userId !== other.id });
    expect(again.slots.filter((s) => s.index !== week5.index).every((s) => s.scheduled.userId === s.plain.userId)).toBe(true);
  });

  it("weighs the team's past pages: they count in carried burden, and an arduous shift's holder gets 7 days of rest", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const people = await Promise.all(["Lu", "Mo", "Ned", "Oz"].map((n) => makeUser(t.db, { name: n, timeZone: "America/New_York" })));
    const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
    // Daily 09:00 New York from Mon Nov 2: Lu, Mo, Ned, Oz, … Lu held Sun Nov 22 09:00 → Mon Nov 23 09:00.
    const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), teamId: team.id });
    await t.db.update(scheduleLayers).set({ shiftUnit: "days", handoffWeekday: null }).where(eq(scheduleLayers.id, layer.id));
    const client = await makeClient(t.db, { teamIds: [team.id] });
    const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
    // Three sleep-band pages in Lu's last shift (23:00, 01:00, 03:00 New York): arduous.
    await t.db.insert(incidents).values(
      ["2026-11-23T04:00:00Z", "2026-11-23T06:00:00Z", "2026-11-23T08:00:00Z"].map((iso) => ({ title: "Disk full", priority: "high" as const, clientId: client.id, serviceId: service.id, teamId: team.id, triggeredAt: new Date(iso) })),
    );
    const ctx = { ...(await ctxFor(t.db, mgr.id)), now: NOW };
    const preview = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 2 } });
    const lu = people[0]!.id;
    const restEnd = "2026-11-30T14:00:00.000Z"; // 7 days after the arduous shift ended (Mon 09:00 New York)
    // The plain rotation gives Lu Thursday Nov 26, inside the rest; the plan does not.
    expect(preview.slots.find((s) => s.start === "2026-11-26T14:00:00.000Z")!.plain.userId).toBe(lu);
    for (const s of preview.slots) if (s.start >= "2026-11-23T14:00:00.000Z" && s.start < restEnd) expect(s.proposed.userId).not.toBe(lu);
    expect(preview.after.breaks).toBe(0);
    // Lu's carried burden: the weighted hours of her six past days (Nov 2, 6, 10, 14, 18, 22) plus 3 × 3 for the pages.
    let hours = 0;
    for (let day = 0; day <= 20; day += 4) {
      const start = Date.parse("2026-11-02T14:00:00Z") + day * 86_400_000;
      hours += hourBurden(start, start + 86_400_000, "America/New_York", holidaySet([]));
    }
    expect(preview.people.find((p) => p.userId === lu)!.carriedBurden).toBeCloseTo(hours + 9, 6);
  });

  it("the fairness report sums each person's burden and flags who carries more than a shift above the mean", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const people = await Promise.all(["Eve", "Fay", "Gus"].map((n) => makeUser(t.db, { name: n, timeZone: "America/New_York" })));
    const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
    // Eve holds two of three weeks: she is above the mean by more than one shift.
    await makeWeeklySchedule(t.db, { participantIds: [people[0]!.id, people[0]!.id, people[1]!.id], teamId: team.id });
    const ctx = { ...(await ctxFor(t.db, mgr.id)), now: NOW };
    const report = await fairnessReport({ ctx, input: { teamId: team.id, from: "2026-11-02T14:00:00Z", to: "2026-12-14T14:00:00Z" } });
    const by = Object.fromEntries(report.people.map((p) => [p.name, p]));
    // Back-to-back weeks of one person are one continuous stint in the final schedule.
    expect(by.Eve!.shifts).toBe(2);
    expect(by.Fay!.shifts).toBe(2);
    expect(by.Gus!.shifts).toBe(0);
    expect(by.Eve!.hours).toBe(4 * 168);
    // A week Mon 09:00 → Mon 09:00: 50 weekday daytime hours ×1, 70 weekday other ×1.5, 48 weekend ×2 = 251.
    expect(by.Fay!.hourBurden).toBeCloseTo(2 * 251, 6);
    expect(by.Eve!.aboveMeanByMoreThanAShift).toBe(true);
    expect(by.Gus!.aboveMeanByMoreThanAShift).toBe(false);
    expect(report.gap).toBeCloseTo((by.Eve!.normalisedBurden - by.Gus!.normalisedBurden) / report.meanShiftBurden, 6);
  });
});

describe("fill around approved covers", () => {
  it("an instance with an approved cover keeps its holder, so the cover survives publishing", async () => {
    const { createSwapRequest } = await import("@/lib/swaps/create-swap-request");
    const { acceptSwapRequest } = await import("@/lib/swaps/accept-swap-request");
    const mgr = await makeUser(t.db, { role: "manager" });
    const people = await Promise.all(["Hal", "Ida", "Jo", "Kit"].map((n) => makeUser(t.db, { name: n, timeZone: "America/New_York" })));
    const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
    const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), teamId: team.id });
    // Instance 4 (Nov 30) is Hal's (4 % 4 = 0); Ida covers it.
    const at = (id: string) => ctxFor(t.db, id).then((c) => ({ ...c, now: NOW }));
    const req = await createSwapRequest({ ctx: await at(people[0]!.id), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 4, kind: "cover", counterpartId: people[1]!.id } });
    await acceptSwapRequest({ ctx: await at(people[1]!.id), input: { requestId: req.id } });
    const ctx = await at(mgr.id);
    const preview = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13 } });
    const covered = preview.slots.find((s) => s.index === 4)!;
    expect(covered).toMatchObject({ locked: true, proposed: { userId: people[0]!.id } });
    await expect(
      publishFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13, layerVersion: preview.layerVersion, assignments: [{ index: 4, userId: people[2]!.id }] } }),
    ).rejects.toThrow(/approved swap or cover/);
    await publishFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13, layerVersion: preview.layerVersion, assignments: preview.slots.map((s) => ({ index: s.index, userId: s.proposed.userId })) } });
    const week = await listShifts(ctx, schedule.id, new Date("2026-12-01T12:00:00Z"), new Date("2026-12-01T13:00:00Z"));
    expect(week[0]).toMatchObject({ userId: people[1]!.id, origin: "swap" });
  });

  it("publishing flags an open request whose shift it gives to someone else, and tells each person which shifts are now theirs", async () => {
    const { createSwapRequest } = await import("@/lib/swaps/create-swap-request");
    const mgr = await makeUser(t.db, { role: "manager", name: "Mo Manager" });
    const people = await Promise.all(["Lu", "Max", "Ned", "Oz"].map((n) => makeUser(t.db, { name: n, timeZone: "America/New_York" })));
    const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
    const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), teamId: team.id });
    const at = (id: string) => ctxFor(t.db, id).then((c) => ({ ...c, now: NOW }));
    // Instance 5 (Dec 7–14) is Max's; he asks Ned to cover it. The plan gives instance 5 to Oz.
    const req = await createSwapRequest({ ctx: await at(people[1]!.id), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 5, kind: "cover", counterpartId: people[2]!.id } });
    const ctx = await at(mgr.id);
    const preview = await previewFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13 } });
    const assignments = preview.slots.map((s) => ({ index: s.index, userId: s.index === 5 ? people[3]!.id : s.index === 4 ? people[1]!.id : s.scheduled.userId }));
    await publishFill({ ctx, input: { scheduleId: schedule.id, layerId: layer.id, weeks: 13, layerVersion: preview.layerVersion, assignments } });

    const [row] = await t.db.select().from(swapRequests).where(eq(swapRequests.id, req.id));
    expect(row!.flaggedAt).not.toBeNull();
    const [oz] = await t.db.select().from(notices).where(eq(notices.userId, people[3]!.id));
    expect(oz!.title).toBe(`Your on-call shifts on ${schedule.name} changed`);
    expect(oz!.body).toContain("Mo Manager published the next 13 weeks of Primary");
    expect(oz!.body).toContain("Now yours: 7 Dec 2026, 09:00 – 14 Dec 2026, 09:00.");
    const [max] = await t.db.select().from(notices).where(eq(notices.userId, people[1]!.id));
    expect(max!.body).toMatch(/Now yours: 30 Nov 2026, 09:00 – 7 Dec 2026, 09:00\. No longer yours: 7 Dec 2026, 09:00 – 14 Dec 2026, 09:00\./);
  });
});
