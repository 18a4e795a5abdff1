import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { notices, scheduleOverrides, teams } from "@/db/schema";
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

const holderAt = async (scheduleId: string, ctxUser: Awaited<ReturnType<typeof ctxFor>>, at: string) =>
  (await listShifts(ctxUser, scheduleId, new Date(at), new Date(new Date(at).getTime() + 60_000)))[0]!.userId;

describe("swap and cover requests", () => {
  it("cover, named colleague, no approval: accepting writes the override and the ledger at once", async () => {
    const w = await world();
    // Instance 3 (Nov 23 09:00 EST → Nov 30) is alice's (index 3 % 3 = 0).
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id } });
    expect(req).toMatchObject({ status: "pending", requesterId: w.alice.id, counterpartId: w.bob.id, shift: { start: "2026-11-23T14:00:00.000Z", end: "2026-11-30T14:00:00.000Z" } });
    expect((await t.db.select().from(notices).where(eq(notices.userId, w.bob.id))).map((n) => n.kind)).toEqual(["swap.requested"]);
    const done = await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } });
    expect(done.status).toBe("approved");
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-11-25T12:00:00Z")).toBe(w.bob.id);
    const balances = await ledgerBalances(t.db, w.team.id);
    expect(balances.get(w.bob.id)).toMatchObject({ coveredForOthersHours: 168, coveredByOthersHours: 0 });
    expect(balances.get(w.alice.id)).toMatchObject({ coveredForOthersHours: 0, coveredByOthersHours: 168 });
    expect(balances.get(w.bob.id)!.burdenOwedToThem).toBeGreaterThan(168);
    expect(balances.get(w.alice.id)!.burdenOwedToThem).toBe(-balances.get(w.bob.id)!.burdenOwedToThem);
  });

  it("swap with approval: accepted, then approved by a manager; both overrides; revert restores", async () => {
    const w = await world({ approval: true });
    // alice gives instance 3 and takes bob's instance 4 (Nov 30 → Dec 7).
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "swap", counterpartId: w.bob.id, counterpartShiftIndex: 4 } });
    const accepted = await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } });
    expect(accepted.status).toBe("accepted");
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-11-25T12:00:00Z")).toBe(w.alice.id);
    await expect(approveSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ForbiddenError);
    const approved = await approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: req.id } });
    expect(approved.status).toBe("approved");
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-11-25T12:00:00Z")).toBe(w.bob.id);
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-12-02T12:00:00Z")).toBe(w.alice.id);
    expect(await t.db.select().from(scheduleOverrides).where(eq(scheduleOverrides.swapRequestId, req.id))).toHaveLength(2);
    await revertSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: req.id } });
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-11-25T12:00:00Z")).toBe(w.alice.id);
    expect(await holderAt(w.schedule.id, await w.ctx(w.alice.id), "2026-12-02T12:00:00Z")).toBe(w.bob.id);
    expect((await ledgerBalances(t.db, w.team.id)).size).toBe(0);
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
    expect(issues(await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...shift3, partStart: "2020-01-01T00:00:00Z", partEnd: "2020-01-02T00:00:00Z" } }).catch((e: unknown) => e))).toEqual([{ path: "partEnd", message: "The part must lie inside the shift" }]);
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover" } });
    await expect(acceptSwapRequest({ ctx: await w.ctx(outsider.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(declineSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ConflictError);
    await expect(cancelSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(NotFoundError);
    await cancelSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: req.id } });
    await expect(acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ConflictError);
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
