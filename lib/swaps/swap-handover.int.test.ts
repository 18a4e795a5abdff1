import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { coverLedger, notices, teams, users } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { ConflictError } from "@/lib/errors";
import { listShifts } from "@/lib/schedules/read-schedules";
import { acceptSwapRequest } from "./accept-swap-request";
import { approveSwapRequest } from "./approve-swap-request";
import { createSwapRequest } from "./create-swap-request";
import { ledgerBalances } from "./ledger-balances";
import { listLedgerEntries } from "./ledger-entries";
import { getSwapRequest } from "./read-swap-requests";
import { revertSwapRequest } from "./revert-swap-request";
import { swapOverrides } from "@/db/test/swap-overrides";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

// A weekly rotation (Mondays 09:00 New York = 14:00Z in winter) from 2026-11-02.
const NOW = new Date("2026-11-23T12:00:00Z");

async function world(opts: { approval?: boolean; people?: number } = {}) {
  const people = await Promise.all(Array.from({ length: opts.people ?? 3 }, () => makeUser(t.db)));
  const mgr = await makeUser(t.db, { role: "manager" });
  const team = await makeTeam(t.db, people.map((p) => ({ userId: p.id })));
  if (opts.approval) await t.db.update(teams).set({ swapApprovalRequired: true }).where(eq(teams.id, team.id));
  const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: people.map((p) => p.id), teamId: team.id });
  const ctx = async (id: string, now: Date | string = NOW) => ({ ...(await ctxFor(t.db, id)), now: new Date(now) });
  const holderAt = async (at: string) => (await listShifts(await ctx(mgr.id), schedule.id, new Date(at), new Date(new Date(at).getTime() + 60_000)))[0]!.userId;
  const overrides = (requestId: string) => swapOverrides(t.db, requestId);
  const ledgerOf = async (requestId: string) => t.db.select().from(coverLedger).where(eq(coverLedger.swapRequestId, requestId));
  const base = { scheduleId: schedule.id, layerId: layer.id };
  return { people, mgr, team, schedule, layer, ctx, holderAt, overrides, ledgerOf, base };
}

describe("a shift already handed over by another approved request", () => {
  // Four people: instance 3 (Nov 23 → 30) is dave's, 4 alice's, 5 bob's, 6 (Dec 14 → 21) carol's, 7 (Dec 21 → 28) dave's, 8 alice's.
  const four = async () => {
    const w = await world({ approval: true, people: 4 });
    const [alice, bob, carol, dave] = w.people as [typeof w.mgr, typeof w.mgr, typeof w.mgr, typeof w.mgr];
    return { ...w, alice, bob, carol, dave };
  };

  it("approving a swap flags the open requests for the part it took over; they can no longer be approved", async () => {
    const w = await four();
    // Carol asks bob to cover #6; bob accepts; it waits for a manager.
    const toBob = await createSwapRequest({ ctx: await w.ctx(w.carol.id), input: { ...w.base, shiftIndex: 6, kind: "cover", counterpartId: w.bob.id } });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: toBob.id } });
    // An open offer of #6 to the team, and alice's request to swap her #8 for carol's #6, are open too.
    const offer = await createSwapRequest({ ctx: await w.ctx(w.carol.id), input: { ...w.base, shiftIndex: 6, kind: "cover", partStart: "2026-12-20T14:00:00Z", partEnd: "2026-12-21T14:00:00Z" } });
    const aliceSwap = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...w.base, shiftIndex: 8, kind: "swap", counterpartId: w.carol.id, counterpartShiftIndex: 6 } });
    // A request for another shift of carol's is left alone.
    const other = await createSwapRequest({ ctx: await w.ctx(w.carol.id), input: { ...w.base, shiftIndex: 10, kind: "cover", counterpartId: w.bob.id } });
    // Dave gives his #7 and takes carol's #6; carol accepts, a manager approves.
    const swap = await createSwapRequest({ ctx: await w.ctx(w.dave.id), input: { ...w.base, shiftIndex: 7, kind: "swap", counterpartId: w.carol.id, counterpartShiftIndex: 6 } });
    await acceptSwapRequest({ ctx: await w.ctx(w.carol.id), input: { requestId: swap.id } });
    await approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: swap.id } });
    expect(await w.holderAt("2026-12-16T12:00:00Z")).toBe(w.dave.id);

    for (const r of [toBob, offer, aliceSwap]) expect((await getSwapRequest(t.db, r.id)).flagged).toBe(true);
    expect((await getSwapRequest(t.db, other.id)).flagged).toBe(false);
    expect((await getSwapRequest(t.db, swap.id)).flagged).toBe(false);
    await expect(approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: toBob.id } })).rejects.toBeInstanceOf(ConflictError);
    await expect(acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: offer.id } })).rejects.toBeInstanceOf(ConflictError);
    expect(await w.overrides(toBob.id)).toEqual([]);
    expect(await w.ledgerOf(toBob.id)).toEqual([]);
    expect(await w.holderAt("2026-12-16T12:00:00Z")).toBe(w.dave.id);
    // The ledger counts #6 once: dave covered carol, not bob.
    const balances = await ledgerBalances(t.db, w.team.id);
    expect(balances.get(w.bob.id)).toBeUndefined();
    expect(balances.get(w.carol.id)).toMatchObject({ coveredForOthersHours: 168, coveredByOthersHours: 168 });
  });

  it("a request made after the part was handed over is refused (409) when applied, and flagged", async () => {
    const w = await four();
    const swap = await createSwapRequest({ ctx: await w.ctx(w.dave.id), input: { ...w.base, shiftIndex: 7, kind: "swap", counterpartId: w.carol.id, counterpartShiftIndex: 6 } });
    await acceptSwapRequest({ ctx: await w.ctx(w.carol.id), input: { requestId: swap.id } });
    await approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: swap.id } });

    // Carol's own part of #6 (the rotation's) is no longer hers.
    const toBob = await createSwapRequest({ ctx: await w.ctx(w.carol.id), input: { ...w.base, shiftIndex: 6, kind: "cover", counterpartId: w.bob.id } });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: toBob.id } });
    const refused = approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: toBob.id } });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(`${w.carol.name} no longer holds this shift`);
    expect(await getSwapRequest(t.db, toBob.id)).toMatchObject({ status: "accepted", flagged: true });
    expect(await w.overrides(toBob.id)).toEqual([]);
    expect(await w.ledgerOf(toBob.id)).toEqual([]);

    // Nor can carol's #6 be taken in exchange by someone else.
    const aliceSwap = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...w.base, shiftIndex: 8, kind: "swap", counterpartId: w.carol.id, counterpartShiftIndex: 6 } });
    await acceptSwapRequest({ ctx: await w.ctx(w.carol.id), input: { requestId: aliceSwap.id } });
    await expect(approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: aliceSwap.id } })).rejects.toThrow(`${w.carol.name} no longer holds the shift offered in exchange`);
    expect(await getSwapRequest(t.db, aliceSwap.id)).toMatchObject({ status: "accepted", flagged: true });
    expect(await w.overrides(aliceSwap.id)).toEqual([]);

    // Without approval, accepting is refused the same way and nothing is written.
    await t.db.update(teams).set({ swapApprovalRequired: false }).where(eq(teams.id, w.team.id));
    const offer = await createSwapRequest({ ctx: await w.ctx(w.carol.id), input: { ...w.base, shiftIndex: 6, kind: "cover", partStart: "2026-12-20T14:00:00Z", partEnd: "2026-12-21T14:00:00Z" } });
    await expect(acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: offer.id } })).rejects.toThrow(/no longer holds this shift/);
    expect(await getSwapRequest(t.db, offer.id)).toMatchObject({ status: "pending", flagged: true });
    expect(await w.ledgerOf(offer.id)).toEqual([]);
    expect(await w.holderAt("2026-12-20T20:00:00Z")).toBe(w.dave.id);
    expect((await ledgerBalances(t.db, w.team.id)).get(w.bob.id)).toBeUndefined();
  });

  it("a request after the handover was reverted can be applied again", async () => {
    const w = await four();
    const swap = await createSwapRequest({ ctx: await w.ctx(w.dave.id), input: { ...w.base, shiftIndex: 7, kind: "swap", counterpartId: w.carol.id, counterpartShiftIndex: 6 } });
    await acceptSwapRequest({ ctx: await w.ctx(w.carol.id), input: { requestId: swap.id } });
    await approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: swap.id } });
    await revertSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: swap.id } });
    const toBob = await createSwapRequest({ ctx: await w.ctx(w.carol.id), input: { ...w.base, shiftIndex: 6, kind: "cover", counterpartId: w.bob.id } });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: toBob.id } });
    expect((await approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: toBob.id } })).status).toBe("approved");
    expect(await w.holderAt("2026-12-16T12:00:00Z")).toBe(w.bob.id);
  });
});

describe("a request that would put a disabled person on call", () => {
  it("is refused (409) when the coverer was disabled after accepting, and writes nothing", async () => {
    const w = await world({ approval: true });
    const [alice, bob] = w.people as [typeof w.mgr, typeof w.mgr];
    const req = await createSwapRequest({ ctx: await w.ctx(alice.id), input: { ...w.base, shiftIndex: 3, kind: "cover", counterpartId: bob.id } });
    await acceptSwapRequest({ ctx: await w.ctx(bob.id), input: { requestId: req.id } });
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, bob.id));
    const refused = approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: req.id } });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(`${bob.name}'s account is disabled: they can't be paged. Reject this request.`);
    expect((await getSwapRequest(t.db, req.id)).status).toBe("accepted");
    expect(await w.overrides(req.id)).toEqual([]);
    expect(await w.ledgerOf(req.id)).toEqual([]);
    expect((await ledgerBalances(t.db, w.team.id)).size).toBe(0);
  });

  it("is refused (409) when the requester of a swap, who would take the colleague's shift, was disabled", async () => {
    const w = await world({ approval: true });
    const [alice, bob] = w.people as [typeof w.mgr, typeof w.mgr];
    // Alice gives #3 and takes bob's #4.
    const req = await createSwapRequest({ ctx: await w.ctx(alice.id), input: { ...w.base, shiftIndex: 3, kind: "swap", counterpartId: bob.id, counterpartShiftIndex: 4 } });
    await acceptSwapRequest({ ctx: await w.ctx(bob.id), input: { requestId: req.id } });
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, alice.id));
    await expect(approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: req.id } })).rejects.toThrow(`${alice.name}'s account is disabled: they can't be paged. Reject this request.`);
    expect(await w.overrides(req.id)).toEqual([]);
    expect(await w.ledgerOf(req.id)).toEqual([]);
  });
});

describe("reverting a cover under way", () => {
  it("keeps the part already held on the schedule and in the ledger; only what is to come goes back", async () => {
    const w = await world();
    const [alice, bob] = w.people as [typeof w.mgr, typeof w.mgr];
    // Alice's #3 (Nov 23 14:00Z → Nov 30 14:00Z); bob takes it at 13:50 on the 24th, reverted at 13:59.
    const approvedAt = "2026-11-24T13:50:00.000Z";
    const revertedAt = "2026-11-24T13:59:00.000Z";
    const end = "2026-11-30T14:00:00.000Z";
    const req = await createSwapRequest({ ctx: await w.ctx(alice.id, "2026-11-24T13:00:00Z"), input: { ...w.base, shiftIndex: 3, kind: "cover", counterpartId: bob.id } });
    expect((await acceptSwapRequest({ ctx: await w.ctx(bob.id, approvedAt), input: { requestId: req.id } })).status).toBe("approved");
    expect(await w.overrides(req.id)).toEqual([{ userId: bob.id, replacesUserId: alice.id, start: approvedAt, end }]);
    const shifts = async () => (await listShifts(await w.ctx(w.mgr.id), w.schedule.id, new Date("2026-11-24T13:00:00Z"), new Date("2026-11-24T15:00:00Z"))).map((s) => [s.userId, s.start, s.end]);
    expect(await shifts()).toEqual([
      [alice.id, "2026-11-24T13:00:00.000Z", approvedAt],
      [bob.id, approvedAt, "2026-11-24T15:00:00.000Z"],
    ]);

    await revertSwapRequest({ ctx: await w.ctx(w.mgr.id, revertedAt), input: { requestId: req.id } });
    expect(await w.overrides(req.id)).toEqual([{ userId: bob.id, replacesUserId: alice.id, start: approvedAt, end: revertedAt }]);
    expect(await shifts()).toEqual([
      [alice.id, "2026-11-24T13:00:00.000Z", approvedAt],
      [bob.id, approvedAt, revertedAt],
      [alice.id, revertedAt, "2026-11-24T15:00:00.000Z"],
    ]);
    // Bob held 9 minutes: the ledger counts those, with their burden; the rest is reversed.
    const balances = await ledgerBalances(t.db, w.team.id);
    expect(balances.get(bob.id)!.coveredForOthersHours).toBeCloseTo(0.15, 5);
    expect(balances.get(alice.id)!.coveredByOthersHours).toBeCloseTo(0.15, 5);
    expect(balances.get(bob.id)!.burdenOwedToThem).toBeGreaterThan(0);
    expect(balances.get(bob.id)!.burdenOwedToThem).toBeLessThan(1);
    expect(balances.get(alice.id)!.burdenOwedToThem).toBeCloseTo(-balances.get(bob.id)!.burdenOwedToThem, 5);
    const entries = (await listLedgerEntries(await w.ctx(w.mgr.id, revertedAt), bob.id)).map((e) => ({ start: e.start, end: e.end, hours: e.hours, reversed: e.reversedAt !== null }));
    expect(entries).toHaveLength(2);
    expect(entries).toContainEqual({ start: approvedAt, end: revertedAt, hours: expect.closeTo(0.15, 5), reversed: false });
    expect(entries).toContainEqual({ start: revertedAt, end, hours: expect.closeTo(144 + 1 / 60, 3), reversed: true });
    // The notice names what goes back: from the revert on.
    const [notice] = await t.db.select({ body: notices.body }).from(notices).where(and(eq(notices.userId, bob.id), eq(notices.kind, "swap.reverted")));
    expect(notice!.body).toBe(`${w.schedule.name}: 24 Nov 2026, 08:59 – 30 Nov 2026, 09:00 (America/New_York). The original holders are back on the schedule.`);
  });

  it("a revert before the cover began removes it wholly; one after it ended leaves it all", async () => {
    const w = await world();
    const [alice, bob] = w.people as [typeof w.mgr, typeof w.mgr];
    const future = await createSwapRequest({ ctx: await w.ctx(alice.id), input: { ...w.base, shiftIndex: 3, kind: "cover", counterpartId: bob.id, partStart: "2026-11-25T14:00:00Z", partEnd: "2026-11-26T14:00:00Z" } });
    await acceptSwapRequest({ ctx: await w.ctx(bob.id), input: { requestId: future.id } });
    const past = await createSwapRequest({ ctx: await w.ctx(alice.id), input: { ...w.base, shiftIndex: 3, kind: "cover", counterpartId: bob.id, partStart: "2026-11-24T14:00:00Z", partEnd: "2026-11-25T14:00:00Z" } });
    await acceptSwapRequest({ ctx: await w.ctx(bob.id), input: { requestId: past.id } });
    const at = "2026-11-25T14:00:00Z";
    await revertSwapRequest({ ctx: await w.ctx(w.mgr.id, at), input: { requestId: future.id } });
    await revertSwapRequest({ ctx: await w.ctx(w.mgr.id, at), input: { requestId: past.id } });
    expect(await w.overrides(future.id)).toEqual([]);
    expect(await w.overrides(past.id)).toEqual([{ userId: bob.id, replacesUserId: alice.id, start: "2026-11-24T14:00:00.000Z", end: "2026-11-25T14:00:00.000Z" }]);
    expect((await w.ledgerOf(future.id)).map((l) => l.reversedAt !== null)).toEqual([true]);
    expect((await w.ledgerOf(past.id)).map((l) => [l.hours, l.reversedAt])).toEqual([[24, null]]);
    expect((await ledgerBalances(t.db, w.team.id)).get(bob.id)).toMatchObject({ coveredForOthersHours: 24 });
  });
});
