import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { coverLedger, notices, outboxMessages, swapRequests, teams } from "@/db/schema";
import { callRoute, tokensByRole } from "@/db/test/route-call";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { ConflictError, InvalidError } from "@/lib/errors";
import { listShifts } from "@/lib/schedules/read-schedules";
import { saveLayer } from "@/lib/schedules/save-layer";
import * as swapsRoute from "@/app/api/v1/swap-requests/route";
import { acceptSwapRequest } from "./accept-swap-request";
import { approveSwapRequest } from "./approve-swap-request";
import { cancelSwapRequest } from "./cancel-swap-request";
import { createSwapRequest } from "./create-swap-request";
import { ledgerBalances } from "./ledger-balances";
import { listLedgerEntries } from "./ledger-entries";
import { getSwapRequest, listSwapRequests } from "./read-swap-requests";
import { swapOverrides } from "@/db/test/swap-overrides";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

// A weekly rotation (Mondays 09:00 New York = 14:00Z in winter) from 2026-11-02 of alice, bob, carol:
// instance 3 (Nov 23 → 30) is alice's, 4 (Nov 30 → Dec 7) bob's, 5 (Dec 7 → 14) carol's, 6 (Dec 14 → 21) alice's.
const NOW = new Date("2026-11-23T12:00:00Z");
const ORIGIN = "http://localhost:3300";

async function world(opts: { approval?: boolean } = {}) {
  const [alice, bob, carol, mgr] = await Promise.all([makeUser(t.db), makeUser(t.db), makeUser(t.db), makeUser(t.db, { role: "manager" })]);
  const team = await makeTeam(t.db, [{ userId: alice.id }, { userId: bob.id }, { userId: carol.id }]);
  if (opts.approval) await t.db.update(teams).set({ swapApprovalRequired: true }).where(eq(teams.id, team.id));
  const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: [alice.id, bob.id, carol.id], teamId: team.id });
  const ctx = async (id: string, now: Date | string = NOW) => ({ ...(await ctxFor(t.db, id)), now: new Date(now) });
  const holderAt = async (at: string) => (await listShifts(await ctx(mgr.id), schedule.id, new Date(at), new Date(new Date(at).getTime() + 60_000)))[0]!.userId;
  const overrides = (requestId: string) => swapOverrides(t.db, requestId);
  const ledgerRows = async (requestId: string) => (await t.db.select({ n: count() }).from(coverLedger).where(eq(coverLedger.swapRequestId, requestId)))[0]!.n;
  return { alice, bob, carol, mgr, team, schedule, layer, ctx, holderAt, overrides, ledgerRows };
}

const mails = async (to: { email: string }) => t.db.select({ subject: outboxMessages.subject, text: outboxMessages.text }).from(outboxMessages).where(eq(outboxMessages.to, to.email));
const noticesOf = async (person: { id: string }, kind: string) => t.db.select({ title: notices.title, body: notices.body }).from(notices).where(and(eq(notices.userId, person.id), eq(notices.kind, kind)));
const issues = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InvalidError);
  return (e as InvalidError).issues;
};

describe("an approval never rewrites the past", () => {
  it("a swap for a colleague's shift already under way: stored from the time of asking, handed over from the acceptance", async () => {
    const w = await world();
    // Tuesday Dec 8, 08:25 in New York: carol's instance 5 began on Monday at 09:00.
    const asked = "2026-12-08T13:25:00.000Z";
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id, asked), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 6, kind: "swap", counterpartId: w.carol.id, counterpartShiftIndex: 5 } });
    // What the form showed ("from now") is what is stored; alice's own week is whole (it is all to come).
    expect(req.counterpartShift).toEqual({ index: 5, start: asked, end: "2026-12-14T14:00:00.000Z" });
    expect(req.part).toEqual({ start: "2026-12-14T14:00:00.000Z", end: "2026-12-21T14:00:00.000Z" });

    const accepted = "2026-12-09T15:00:00.000Z";
    const done = await acceptSwapRequest({ ctx: await w.ctx(w.carol.id, accepted), input: { requestId: req.id } });
    expect(done.status).toBe("approved");
    expect(done.counterpartShift).toEqual({ index: 5, start: accepted, end: "2026-12-14T14:00:00.000Z" });
    expect(await w.overrides(req.id)).toEqual([
      { userId: w.alice.id, replacesUserId: w.carol.id, start: accepted, end: "2026-12-14T14:00:00.000Z" },
      { userId: w.carol.id, replacesUserId: w.alice.id, start: "2026-12-14T14:00:00.000Z", end: "2026-12-21T14:00:00.000Z" },
    ]);
    // Carol held Monday to Wednesday; alice from the acceptance; carol alice's week.
    expect(await w.holderAt("2026-12-07T20:00:00Z")).toBe(w.carol.id);
    expect(await w.holderAt("2026-12-09T14:00:00Z")).toBe(w.carol.id);
    expect(await w.holderAt("2026-12-10T12:00:00Z")).toBe(w.alice.id);
    expect(await w.holderAt("2026-12-16T12:00:00Z")).toBe(w.carol.id);
    // The ledger counts what was handed over: 119 h of carol's week, 168 h of alice's.
    const balances = await ledgerBalances(t.db, w.team.id);
    expect(balances.get(w.alice.id)).toMatchObject({ coveredForOthersHours: 119, coveredByOthersHours: 168 });
    expect(balances.get(w.carol.id)).toMatchObject({ coveredForOthersHours: 168, coveredByOthersHours: 119 });
  });

  it("a cover of the requester's shift under way, approved later: the override starts at the approval", async () => {
    const w = await world({ approval: true });
    const asked = "2026-11-24T13:25:00.000Z";
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id, asked), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id } });
    // The instance it is anchored to is whole; the part asked for is what is left of it.
    expect(req.shift).toMatchObject({ start: "2026-11-23T14:00:00.000Z", end: "2026-11-30T14:00:00.000Z" });
    expect(req.part).toEqual({ start: asked, end: "2026-11-30T14:00:00.000Z" });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id, "2026-11-24T14:00:00Z"), input: { requestId: req.id } });
    const approvedAt = "2026-11-26T14:00:00.000Z";
    const approved = await approveSwapRequest({ ctx: await w.ctx(w.mgr.id, approvedAt), input: { requestId: req.id } });
    expect(approved.status).toBe("approved");
    expect(approved.part).toEqual({ start: approvedAt, end: "2026-11-30T14:00:00.000Z" });
    expect(await w.overrides(req.id)).toEqual([{ userId: w.bob.id, replacesUserId: w.alice.id, start: approvedAt, end: "2026-11-30T14:00:00.000Z" }]);
    expect(await w.holderAt("2026-11-25T12:00:00Z")).toBe(w.alice.id);
    expect(await w.holderAt("2026-11-27T12:00:00Z")).toBe(w.bob.id);
    expect((await ledgerBalances(t.db, w.team.id)).get(w.bob.id)).toMatchObject({ coveredForOthersHours: 96, coveredByOthersHours: 0 });
    // The person's page lists the part handed over, as the ledger counts it.
    expect((await listLedgerEntries(await w.ctx(w.mgr.id), w.bob.id)).map((e) => [e.direction, e.start, e.end, e.hours])).toEqual([["gave", approvedAt, "2026-11-30T14:00:00.000Z", 96]]);
  });

  it("refuses (409) to approve a request whose part is over, and writes nothing", async () => {
    const w = await world({ approval: true });
    const req = await createSwapRequest({
      ctx: await w.ctx(w.alice.id),
      input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id, partStart: "2026-11-27T14:00:00Z", partEnd: "2026-11-28T14:00:00Z" },
    });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } });
    const late = approveSwapRequest({ ctx: await w.ctx(w.mgr.id, "2026-11-29T12:00:00Z"), input: { requestId: req.id } });
    await expect(late).rejects.toBeInstanceOf(ConflictError);
    await expect(late).rejects.toThrow(/over/);
    expect((await getSwapRequest(t.db, req.id)).status).toBe("accepted");
    expect(await w.overrides(req.id)).toEqual([]);
    expect(await w.ledgerRows(req.id)).toBe(0);
  });

  it("a swap whose exchanged shift is over by the approval: only what is still to come changes hands", async () => {
    const w = await world({ approval: true });
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id, "2026-12-08T13:25:00Z"), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 6, kind: "swap", counterpartId: w.carol.id, counterpartShiftIndex: 5 } });
    await acceptSwapRequest({ ctx: await w.ctx(w.carol.id, "2026-12-08T14:00:00Z"), input: { requestId: req.id } });
    const approvedAt = "2026-12-15T12:00:00.000Z";
    await approveSwapRequest({ ctx: await w.ctx(w.mgr.id, approvedAt), input: { requestId: req.id } });
    expect(await w.overrides(req.id)).toEqual([{ userId: w.carol.id, replacesUserId: w.alice.id, start: approvedAt, end: "2026-12-21T14:00:00.000Z" }]);
    expect(await w.holderAt("2026-12-10T12:00:00Z")).toBe(w.carol.id);
    expect(await w.holderAt("2026-12-14T20:00:00Z")).toBe(w.alice.id);
    const balances = await ledgerBalances(t.db, w.team.id);
    expect(balances.get(w.alice.id)).toMatchObject({ coveredForOthersHours: 0, coveredByOthersHours: 146 });
    expect(balances.get(w.carol.id)).toMatchObject({ coveredForOthersHours: 146, coveredByOthersHours: 0 });
    expect(await w.ledgerRows(req.id)).toBe(1);
  });
});

describe("manager approval is the team's rule when the request is accepted", () => {
  it("switched on after the request was made: the acceptance waits for a manager", async () => {
    const w = await world();
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id } });
    expect(req.needsApproval).toBe(false);
    await t.db.update(teams).set({ swapApprovalRequired: true }).where(eq(teams.id, w.team.id));
    // The request as listed now says what accepting it would lead to.
    expect((await getSwapRequest(t.db, req.id)).needsApproval).toBe(true);
    expect((await listSwapRequests(await w.ctx(w.bob.id))).map((r) => [r.id, r.needsApproval])).toEqual([[req.id, true]]);
    const accepted = await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } });
    expect(accepted).toMatchObject({ status: "accepted", needsApproval: true });
    const [stored] = await t.db.select({ needsApproval: swapRequests.needsApproval }).from(swapRequests).where(eq(swapRequests.id, req.id));
    expect(stored!.needsApproval).toBe(true);
    expect(await w.overrides(req.id)).toEqual([]);
    expect(await w.holderAt("2026-11-25T12:00:00Z")).toBe(w.alice.id);
    expect(await noticesOf(w.mgr, "swap.awaiting_approval")).toHaveLength(1);
  });

  it("switched off after the request was made: the acceptance takes effect at once", async () => {
    const w = await world({ approval: true });
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id } });
    expect(req.needsApproval).toBe(true);
    await t.db.update(teams).set({ swapApprovalRequired: false }).where(eq(teams.id, w.team.id));
    const accepted = await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } });
    expect(accepted).toMatchObject({ status: "approved", needsApproval: false });
    expect(await w.holderAt("2026-11-25T12:00:00Z")).toBe(w.bob.id);
  });
});

describe("shift indexes are bounded", () => {
  it("an instance more than a year ahead, or too far for the calendar, is the field's 400 and no row", async () => {
    const w = await world();
    const base = { scheduleId: w.schedule.id, layerId: w.layer.id };
    const tooFar = "That shift is more than a year ahead";
    const before = (await t.db.select({ n: count() }).from(swapRequests))[0]!.n;
    // Instance 54 (Nov 15 2027) is within a year; 57 (Dec 6 2027) is not.
    expect((await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...base, shiftIndex: 54, kind: "cover" } })).shift.start).toBe("2027-11-15T14:00:00.000Z");
    for (const shiftIndex of [57, 1_000_000, 99_999_999, 2 ** 31 - 1, 2 ** 31, 1e20]) {
      expect(await issues(createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...base, shiftIndex, kind: "cover" } }))).toEqual([{ path: "shiftIndex", message: tooFar }]);
    }
    for (const counterpartShiftIndex of [58, 1_000_000, 99_999_999, 2 ** 31]) {
      expect(await issues(createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...base, shiftIndex: 3, kind: "swap", counterpartId: w.bob.id, counterpartShiftIndex } }))).toEqual([
        { path: "counterpartShiftIndex", message: tooFar },
      ]);
    }
    // A shift already over is refused too, for either side.
    expect(await issues(createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...base, shiftIndex: 0, kind: "cover" } }))).toEqual([{ path: "shiftIndex", message: "That shift is over" }]);
    expect(await issues(createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...base, shiftIndex: 3, kind: "swap", counterpartId: w.bob.id, counterpartShiftIndex: 1 } }))).toEqual([
      { path: "counterpartShiftIndex", message: "That shift is over" },
    ]);
    expect((await t.db.select({ n: count() }).from(swapRequests))[0]!.n).toBe(before + 1);
  });

  it("over the API: 400 naming the field, never a 500", async () => {
    useDbHandle(t);
    try {
      const who = await tokensByRole(t.db);
      const bob = await makeUser(t.db);
      const team = await makeTeam(t.db, [{ userId: who.engineer.id }, { userId: bob.id }]);
      // Routes read the real clock: a rotation from the coming Monday, whose instance 2 is the engineer's, within weeks.
      const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: [who.engineer.id, bob.id], teamId: team.id, startDate: new Date().toISOString().slice(0, 10) });
      for (const [field, body] of [
        ["shiftIndex", { shiftIndex: 99_999_999, kind: "cover" }],
        ["shiftIndex", { shiftIndex: 1_000_000, kind: "cover" }],
        ["shiftIndex", { shiftIndex: 1e12, kind: "cover" }],
        ["counterpartShiftIndex", { shiftIndex: 2, kind: "swap", counterpartId: bob.id, counterpartShiftIndex: 99_999_999 }],
        ["counterpartShiftIndex", { shiftIndex: 2, kind: "swap", counterpartId: bob.id, counterpartShiftIndex: 1_000_001 }],
      ] as const) {
        const r = await callRoute(swapsRoute.POST, { method: "POST", path: "/api/v1/swap-requests", token: who.engineer.token, body: { scheduleId: schedule.id, layerId: layer.id, ...body } });
        expect({ status: r.status, path: r.json.error?.issues?.[0]?.path }).toEqual({ status: 400, path: field });
      }
    } finally {
      useDbHandle(undefined);
    }
  });
});

describe("a flagged request that was already accepted", () => {
  it("cannot be approved; the requester may still withdraw it, and the one who accepted is told", async () => {
    const w = await world({ approval: true });
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id } });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: req.id } });
    await saveLayer({ ctx: await w.ctx(w.mgr.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, name: "Primary", participantIds: [w.carol.id, w.bob.id, w.alice.id], shiftUnit: "weeks", shiftCount: 1, handoffTime: "09:00", handoffWeekday: 1, startDate: "2026-11-02" } });
    expect(await getSwapRequest(t.db, req.id)).toMatchObject({ status: "accepted", flagged: true });
    await expect(approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: req.id } })).rejects.toBeInstanceOf(ConflictError);
    const cancelled = await cancelSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: req.id, note: "I'll ask again" }, origin: ORIGIN });
    expect(cancelled.status).toBe("cancelled");
    expect(await noticesOf(w.bob, "swap.cancelled")).toHaveLength(1);
    expect((await mails(w.bob)).filter((m) => m.text.includes("“I'll ask again”"))).toHaveLength(1);
  });

  it("an accepted request waiting for approval may be withdrawn by the requester, an approved one not; nor a flagged one accepted", async () => {
    const w = await world({ approval: true });
    const shift3 = { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover" as const, counterpartId: w.bob.id };
    const waiting = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: shift3 });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: waiting.id } });
    await expect(cancelSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: waiting.id } })).rejects.toThrow(/Only the person who asked, or a manager/);
    expect((await cancelSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: waiting.id } })).status).toBe("cancelled");
    const approved = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: shift3 });
    await acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: approved.id } });
    await approveSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: approved.id } });
    await expect(cancelSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: approved.id } })).rejects.toBeInstanceOf(ConflictError);
    // A pending request the rotation moved is not accepted into a state nobody can approve.
    const flagged = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { ...shift3, shiftIndex: 6 } });
    await saveLayer({ ctx: await w.ctx(w.mgr.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, name: "Primary", participantIds: [w.carol.id, w.bob.id, w.alice.id], shiftUnit: "weeks", shiftCount: 1, handoffTime: "09:00", handoffWeekday: 1, startDate: "2026-11-02", effectiveFrom: "2026-12-01T00:00:00Z" } });
    expect((await getSwapRequest(t.db, flagged.id)).flagged).toBe(true);
    await expect(acceptSwapRequest({ ctx: await w.ctx(w.bob.id), input: { requestId: flagged.id } })).rejects.toThrow(/rotation changed/);
    expect((await getSwapRequest(t.db, flagged.id)).status).toBe("pending");
  });
});

describe("withdrawing a request", () => {
  it("emails the colleague who was asked, with the requester's note", async () => {
    const w = await world();
    const req = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id } });
    await cancelSwapRequest({ ctx: await w.ctx(w.alice.id), input: { requestId: req.id, note: "Plans changed" }, origin: ORIGIN });
    const body = `${w.schedule.name}: 23 Nov 2026, 09:00 – 30 Nov 2026, 09:00 (America/New_York). “Plans changed”`;
    expect(await noticesOf(w.bob, "swap.cancelled")).toEqual([{ title: `${w.alice.name} withdrew a shift request to you`, body }]);
    const sent = (await mails(w.bob)).filter((m) => m.subject === `${w.alice.name} withdrew a shift request to you`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(body);
    expect(sent[0]!.text).toContain(`Open in Baton ${ORIGIN}/schedules/requests`);
  });

  it("an open offer: the team is told in the app, nobody by email; a manager withdrawing tells the requester", async () => {
    const w = await world();
    const offer = await createSwapRequest({ ctx: await w.ctx(w.alice.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover" } });
    // An open offer is listed to the schedule's team (the list reads the team's approval rule in the same statement).
    expect((await listSwapRequests(await w.ctx(w.carol.id))).map((r) => r.id)).toEqual([offer.id]);
    const mailsBefore = { bob: (await mails(w.bob)).length, carol: (await mails(w.carol)).length, alice: (await mails(w.alice)).length };
    await cancelSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { requestId: offer.id, note: "Covered elsewhere" }, origin: ORIGIN });
    for (const p of [w.bob, w.carol]) {
      expect(await noticesOf(p, "swap.cancelled")).toEqual([{ title: "A shift offered to the team was withdrawn", body: expect.stringContaining("“Covered elsewhere”") }]);
      expect((await mails(p)).length).toBe(mailsBefore[p === w.bob ? "bob" : "carol"]);
    }
    expect(await noticesOf(w.alice, "swap.cancelled")).toEqual([{ title: `${w.mgr.name} withdrew your shift request`, body: expect.stringContaining("“Covered elsewhere”") }]);
    expect((await mails(w.alice)).length).toBe(mailsBefore.alice + 1);
  });
});

describe("a manager asking on someone's behalf", () => {
  it("the emails name the manager, and the person it is asked for is told", async () => {
    const w = await world();
    const body = `${w.schedule.name}: 23 Nov 2026, 09:00 – 30 Nov 2026, 09:00 (America/New_York). “Alice is ill”`;
    await createSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", counterpartId: w.bob.id, onBehalfOf: w.alice.id, note: "Alice is ill" }, origin: ORIGIN });
    const toBob = `${w.mgr.name}, for ${w.alice.name}, asks you to cover a shift`;
    expect(await noticesOf(w.bob, "swap.requested")).toEqual([{ title: toBob, body }]);
    expect((await mails(w.bob)).filter((m) => m.subject === toBob && m.text.includes(body))).toHaveLength(1);
    const toAlice = `${w.mgr.name} asked ${w.bob.name} to cover your shift`;
    expect(await noticesOf(w.alice, "swap.requested_for_you")).toEqual([{ title: toAlice, body }]);
    expect((await mails(w.alice)).filter((m) => m.subject === toAlice && m.text.includes(body))).toHaveLength(1);
    expect(await mails(w.mgr)).toEqual([]);
  });

  it("an open offer and a swap on someone's behalf", async () => {
    const w = await world();
    await createSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 3, kind: "cover", onBehalfOf: w.alice.id }, origin: ORIGIN });
    for (const p of [w.bob, w.carol]) expect((await mails(p)).map((m) => m.subject)).toEqual([`${w.mgr.name}, for ${w.alice.name}, offers a shift to the team`]);
    expect((await mails(w.alice)).map((m) => m.subject)).toEqual([`${w.mgr.name} offered your shift to the team`]);
    await createSwapRequest({ ctx: await w.ctx(w.mgr.id), input: { scheduleId: w.schedule.id, layerId: w.layer.id, shiftIndex: 6, kind: "swap", counterpartId: w.carol.id, counterpartShiftIndex: 5, onBehalfOf: w.alice.id }, origin: ORIGIN });
    expect((await mails(w.carol)).map((m) => m.subject)).toContain(`${w.mgr.name}, for ${w.alice.name}, asks you to swap a shift`);
    expect((await mails(w.alice)).map((m) => m.subject)).toContain(`${w.mgr.name} asked ${w.carol.name} to swap a shift with you`);
  });
});
