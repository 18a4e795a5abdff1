import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { acceptSwapRequest } from "./accept-swap-request";
import { createSwapRequest } from "./create-swap-request";
import { listLedgerEntries } from "./ledger-entries";
import { revertSwapRequest } from "./revert-swap-request";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const NOW = new Date("2026-11-23T12:00:00Z");
const ctx = async (id: string) => ({ ...(await ctxFor(t.db, id)), now: NOW });

describe("listLedgerEntries (a person's page)", () => {
  it("lists the covers a person gave and got, with the covered part, and who may read them", async () => {
    const [alice, bob, carol, mgr, outsider, stakeholder] = await Promise.all([
      makeUser(t.db, { name: "Alice Ledger" }),
      makeUser(t.db, { name: "Bob Ledger" }),
      makeUser(t.db, { name: "Carol Ledger" }),
      makeUser(t.db, { role: "manager" }),
      makeUser(t.db),
      makeUser(t.db, { role: "stakeholder" }),
    ]);
    const team = await makeTeam(t.db, [{ userId: alice.id }, { userId: bob.id }, { userId: carol.id }]);
    await makeTeam(t.db, [{ userId: outsider.id }]);
    const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: [alice.id, bob.id, carol.id], teamId: team.id });
    // Bob covers alice's week (instance 3, Nov 23 → 30); then alice and carol swap weeks 6 and 5, and that swap is reverted.
    const cover = await createSwapRequest({ ctx: await ctx(alice.id), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 3, kind: "cover", counterpartId: bob.id } });
    await acceptSwapRequest({ ctx: await ctx(bob.id), input: { requestId: cover.id } });
    const swap = await createSwapRequest({ ctx: await ctx(alice.id), input: { scheduleId: schedule.id, layerId: layer.id, shiftIndex: 6, kind: "swap", counterpartId: carol.id, counterpartShiftIndex: 5 } });
    await acceptSwapRequest({ ctx: await ctx(carol.id), input: { requestId: swap.id } });
    await revertSwapRequest({ ctx: await ctx(mgr.id), input: { requestId: swap.id } });

    const rows = (await listLedgerEntries(await ctx(mgr.id), alice.id)).map((e) => ({ direction: e.direction, other: e.other.name, start: e.start, end: e.end, hours: e.hours, reverted: e.reversedAt !== null }));
    expect(rows).toEqual(
      expect.arrayContaining([
        { direction: "got", other: "Bob Ledger", start: "2026-11-23T14:00:00.000Z", end: "2026-11-30T14:00:00.000Z", hours: 168, reverted: false },
        // The swap: carol took alice's week 6 (Dec 14 → 21), alice took carol's week 5 (Dec 7 → 14).
        { direction: "got", other: "Carol Ledger", start: "2026-12-14T14:00:00.000Z", end: "2026-12-21T14:00:00.000Z", hours: 168, reverted: true },
        { direction: "gave", other: "Carol Ledger", start: "2026-12-07T14:00:00.000Z", end: "2026-12-14T14:00:00.000Z", hours: 168, reverted: true },
      ]),
    );
    expect(rows).toHaveLength(3);
    expect((await listLedgerEntries(await ctx(bob.id), bob.id)).map((e) => [e.direction, e.other.name])).toEqual([["gave", "Alice Ledger"]]);
    // A teammate may read it; someone on another team doesn't find the person; a stakeholder is refused.
    expect(await listLedgerEntries(await ctx(carol.id), alice.id)).toHaveLength(3);
    await expect(listLedgerEntries(await ctx(outsider.id), alice.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listLedgerEntries(await ctx(stakeholder.id), alice.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
