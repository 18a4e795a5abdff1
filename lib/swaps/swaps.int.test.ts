import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { notices, outboxMessages, scheduleOverrides, teamMembers, teams } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { listShifts } from "@/lib/schedules/read-schedules";
import { saveLayer } from "@/lib/schedules/save-layer";
import { acceptSwapRequest } from "./accept-swap-request";
import { approveSwapRequest } from "./approve-swap-request";
import { cancelSwapRequest } from "./cancel-swap-request";
import { createSwapRequest } from "./create-swap-request";
import { declineSwapRequest } from "./decline-swap-request";
import { ledgerBalances } from "./ledger-balances";
import { rejectSwapRequest } from "./reject-swap-request";
import { revertSwapRequest } from "./revert-swap-request";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

// Monday 2026-11-23 12:00Z; the week of 2026-11-30 09:00 EST is instance 4 of a rotation starting 2026-11-02.
const NOW = new Date("2026-11-23T12:00:00Z");

async function world(opts: { approval?: boolean } = {}) {
  const [alice, bob, carol, mgr] = await Promise.all([makeUser(t.db), makeUser(t.db), makeUser(t.db), makeUser(t.db, { role: "manager" })]);
  const team = await makeTeam(t.db, [{ userId: alice.id }, { userId: bob.id }, { userId: carol.id }]);
  if (opts.approval) await t.db.update(teams).set({ swapApprovalRequired: true }).where(eq(teams.id, team.id));
  const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: [alice.id, bob.id, carol.id], teamId: team.id });
  const ctx = async (id: string) => ({ ...(await ctxFor(t.db, id)), now: NOW });
  return { alice, bob, carol, mgr, team, schedule, layer, ctx };
}

// Every notice names the schedule and the shift part in the schedule's zone (America/New_York).
const ORIGIN = "http://localhost:3300";
const SHIFT_3 = "23 Nov 2026, 09:00 – 30 Nov 2026, 09:00";
const SHIFT_4 = "30 Nov 2026, 09:00 – 7 Dec 2026, 09:00";

/** `person` got one in-app notice of `kind` with this title and body, and the same by email (unless `inAppOnly`). */
async function expectTold(person: { id: string; email: string }, kind: string, expected: { title: string; body: string; inAppOnly?: boolean }) {
  const rows = await t.db.select({ title: notices.title, body: notices.body, link: notices.link }).from(notices).where(and(eq(notices.userId, person.id), eq(notices.kind, kind)));
  expect(rows).toEqual([{ title: expected.title, body: expected.body, link: "/schedules/requests" }]);
  const mails = await t.db.select({ text: outboxMessages.text }).from(outboxMessages).where(and(eq(outboxMessages.to, person.email), eq(outboxMessages.subject, expected.title)));
  if (expected.inAppOnly) return expect(mails).toEqual([]);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.text).toContain(expected.body);
  expect(mails[0]!.text).toContain(`Open in Baton ${ORIGIN}/schedules/requests`);
}
const kindsOf = async (person: { id: string }) => (await t.db.select({ kind: notices.kind }).from(notices).where(eq(notices.userId, person.id))).map((n) => n.kind);

const holderAt = async (scheduleId: string, ctxUser: Awaited<ReturnType<typeof ctxFor>>, at: string) =>
  (await listShifts(ctxUser, scheduleId, new Date(at), new Date(new Date(at).getTime() + 60_000)))[0]!.userId;

describe("swap and cover requests", () => {
  it("cover, named colleague, no approval: accepting writes the override and the ledger at once", async () => {
    const w = await world();
    // Instance 3 (Nov 23 09:00 EST → Nov 30) is alice's (index 3 % 3 = 0).
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id, note: "Family wedding" }, origin: ORIGIN });
    expect(req).toMatchObject({ status: "pending", requesterId: w.alice.id, counterpartId: w.bob.id, shift: { start: "2026-11-23T14:00:00.000Z", end: "2026-11-30T14:00:00.000Z" } });
    expect((await t.db.select().from(notices).where(eq(notices.userId, w.bob.id))).map((n) => n.kind)).toEqual(["swap.requested"]);
    const body = `${w.schedule.name}: ${SHIFT_3} (America/New_York). “Family wedding”`;
    await expectTold(w.bob, "swap.requested", { title: `${w.alice.name} asks you to cover a shift`, body });
    const done = await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id }, origin: ORIGIN });
    expect(done.status).toBe("approved");
    await expectTold(w.alice, "swap.approved", { title: `${w.bob.name} took your shift: the schedule is updated`, body });
    // Nothing waits for approval: no manager is asked.
    expect(await kindsOf(w.mgr)).toEqual([]);
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-11-25T12:00:00Z")).toBe(w.bob.id);
    const balances = await ledgerBalances(t.db, w.team.id);
    expect(balances.get(w.bob.id)).toMatchObject({ coveredForOthersHours: 168, coveredByOthersHours: 0 });
    expect(balances.get(w.alice.id)).toMatchObject({ coveredForOthersHours: 0, coveredByOthersHours: 168 });
    expect(balances.get(w.bob.id)!.burdenOwedToThem).toBeGreaterThan(168);
    expect(balances.get(w.alice.id)!.burdenOwedToThem).toBe(-balances.get(w.bob.id)!.burdenOwedToThem);
  });

  it("swap with approval: accepted, then approved by a manager; both overrides; revert restores", async () => {
    const w = await world({ approval: true });
    // A team lead who is an engineer cannot approve, nor can a disabled manager: neither is asked.
    await t.db.update(teamMembers).set({ isLead: true }).where(and(eq(teamMembers.teamId, w.team.id), eq(teamMembers.userId, w.carol.id)));
    const formerManager = await makeUser(t.db, { role: "manager", disabled: true });
    // alice gives instance 3 and takes bob's instance 4 (Nov 30 → Dec 7).
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "swap", counterpartId: w.bob.id, counterpartShiftIndex: 4 }, origin: ORIGIN });
    const body = `${w.schedule.name}: ${SHIFT_3}, in exchange for ${SHIFT_4} (America/New_York).`;
    await expectTold(w.bob, "swap.requested", { title: `${w.alice.name} asks you to swap a shift`, body });
    const accepted = await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id }, origin: ORIGIN });
    expect(accepted.status).toBe("accepted");
    await expectTold(w.alice, "swap.accepted", { title: `${w.bob.name} accepted; a manager must approve`, body });
    await expectTold(w.mgr, "swap.awaiting_approval", { title: `${w.bob.name} accepted ${w.alice.name}'s swap request: it waits for your approval`, body });
    for (const p of [w.alice, w.bob, w.carol, formerManager]) expect(await kindsOf(p)).not.toContain("swap.awaiting_approval");
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-11-25T12:00:00Z")).toBe(w.alice.id);
    await expect(approveSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ForbiddenError);
    const approved = await approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: req.id }, origin: ORIGIN });
    expect(approved.status).toBe("approved");
    for (const p of [w.alice, w.bob]) await expectTold(p, "swap.approved", { title: `${w.mgr.name} approved the shift change`, body: `${body} The schedule now shows the new holder.` });
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-11-25T12:00:00Z")).toBe(w.bob.id);
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-12-02T12:00:00Z")).toBe(w.alice.id);
    expect(await t.db.select().from(scheduleOverrides).where(eq(scheduleOverrides.swapRequestId, req.id))).toHaveLength(2);
    await revertSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: req.id, note: "Bob is off sick" }, origin: ORIGIN });
    for (const p of [w.alice, w.bob]) await expectTold(p, "swap.reverted", { title: `${w.mgr.name} reverted a shift change`, body: `${body} “Bob is off sick”` });
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-11-25T12:00:00Z")).toBe(w.alice.id);
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-12-02T12:00:00Z")).toBe(w.bob.id);
    expect((await ledgerBalances(t.db, w.team.id)).size).toBe(0);
  });

  it("a manager who takes an offer is not asked to approve it; rejecting, declining and withdrawing name the shift", async () => {
    const w = await world({ approval: true });
    await t.db.insert(teamMembers).values({ teamId: w.team.id, userId: w.mgr.id });
    const admin = await makeUser(t.db, { role: "admin" });
    const shift3 = { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover" as const };
    const offer = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...shift3, note: "Dentist" }, origin: ORIGIN });
    await acceptSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: offer.id }, origin: ORIGIN });
    await expectTold(admin, "swap.awaiting_approval", { title: `${w.mgr.name} accepted ${w.alice.name}'s cover request: it waits for your approval`, body: `${w.schedule.name}: ${SHIFT_3} (America/New_York). “Dentist”` });
    expect(await kindsOf(w.mgr)).not.toContain("swap.awaiting_approval");
    await rejectSwapRequest({ ctx: await w.ctx(admin.id), input: { requestId: offer.id, note: "Not this week" }, origin: ORIGIN });
    for (const p of [w.alice, w.mgr]) await expectTold(p, "swap.rejected", { title: `${admin.name} did not approve the shift change`, body: `${w.schedule.name}: ${SHIFT_3} (America/New_York). “Not this week”` });
    const toCarol = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...shift3, counterpartId: w.carol.id }, origin: ORIGIN });
    await declineSwapRequest({ ctx: await w.ctx(w.carol.id), input: { requestId: toCarol.id, note: "Away that week" }, origin: ORIGIN });
    await expectTold(w.alice, "swap.declined", { title: `${w.carol.name} declined your request`, body: `${w.schedule.name}: ${SHIFT_3} (America/New_York). “Away that week”` });
    const toBob = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...shift3, counterpartId: w.bob.id }, origin: ORIGIN });
    await cancelSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: toBob.id }, origin: ORIGIN });
    await expectTold(w.bob, "swap.cancelled", { title: `${w.alice.name} withdrew a shift request to you`, body: `${w.schedule.name}: ${SHIFT_3} (America/New_York).` });
  });

  it("an open offer: two acceptances at once → one wins, the other gets 409", async () => {
    const w = await world();
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover" } });
    const results = await Promise.allSettled([
      acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } }),
      acceptSwapRequest({ ctx: await w.ctx(w.carol.id), input: { requestId: req.id } }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await t.db.select().from(scheduleOverrides).where(eq(scheduleOverrides.swapRequestId, req.id))).toHaveLength(1);
  });

  it("refuses what is not yours, strangers, and moves after the fact", async () => {
    const w = await world();
    const outsider = await makeUser(t.db);
    await expect(createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 4, kind: "cover", counterpartId: w.carol.id } })).rejects.toBeInstanceOf(InvalidError);
    await expect(createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 0, kind: "cover", counterpartId: w.bob.id } })).rejects.toThrow(/over/);
    // A part of the shift: reversed, or reaching outside it, each with its own reason.
    const shift3 = { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover" as const };
    const issues = (e: unknown) => (e as InvalidError).issues;
    expect(issues(await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...shift3, partStart: "2026-12-18T14:00:00Z", partEnd: "2026-12-16T14:00:00Z" } }).catch((e: unknown) => e))).toEqual([{ path: "partEnd", message: "The part must end after it starts" }]);
    expect(issues(await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...shift3, partStart: "2020-01-01T00:00:00Z", partEnd: "2020-01-02T00:00:00Z" } }).catch((e: unknown) => e))).toEqual([{ path: "partStart", message: "The part must lie inside the shift" }]);
    expect(issues(await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...shift3, partStart: "2026-11-24T14:00:00Z", partEnd: "2027-01-02T00:00:00Z" } }).catch((e: unknown) => e))).toEqual([{ path: "partEnd", message: "The part must lie inside the shift" }]);
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover" } });
    await expect(acceptSwapRequest({ ctx: await w.ctx(outsider.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(declineSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ConflictError);
    await expect(cancelSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(NotFoundError);
    await cancelSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: req.id } });
    await expect(acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ConflictError);
    // The colleague asked by name sees the request: a 403 that says to decline it, not a 404.
    const toBob = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id } });
    await expect(cancelSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: toBob.id } })).rejects.toThrow(/decline it instead/);
  });

  it("a rotation edit flags an open request instead of moving it, and it can no longer be applied", async () => {
    const w = await world({ approval: true });
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id } });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } });
    await saveLayer({ ctx: await w.ctx(w.mgr.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, name: "Primary", participantIds: [w.carol.id, w.bob.id, w.alice.id], shiftUnit: "weeks", shiftCount: 1, handoffTime: "09:00", handoffWeekday: 1, startDate: "2026-11-02" } });
    const { getSwapRequest } = await import("./read-swap-requests");
    expect((await getSwapRequest(t.db, req.id)).flagged).toBe(true);
    await expect(approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: req.id } })).rejects.toThrow(/rotation changed/);
  });
});
