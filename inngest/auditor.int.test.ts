import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { heartbeatMonitors, incidentEscalations, incidents } from "@/db/schema";
import { makeIncident } from "@/db/test/factories";
import { advanceEscalation } from "@/lib/escalations/advance-escalation";
import { startEscalation } from "@/lib/escalations/start-escalation";
import { auditor } from "./auditor";
import { at, clock, setUpInngestSuite, type PagingFixture, type TestDatabase, pagesOf, stepIds, T0 } from "./test-support";

let t: TestDatabase;
let fx: PagingFixture;
setUpInngestSuite((db, fixture) => {
  t = db;
  fx = fixture;
});

async function escalation(incidentId: string) {
  const [row] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, incidentId));
  return row;
}

describe("auditor", () => {
  it("is a cron every minute", () => {
    expect(auditor.opts.triggers).toEqual([{ cron: "* * * * *" }]);
  });

  it("starts orphans and re-sends their trigger, re-drives escalations more than 2 minutes overdue, leaves the rest, checks heartbeats", async () => {
    // Triggered at T0 and never started (its starter crashed before the escalation row).
    const orphan = await makeIncident(t.db, fx.service, { at: T0 });
    // Level 1 paged at T0, level 2 due at 5 min: at 8 min it is 3 minutes overdue (its run died).
    const overdue = await makeIncident(t.db, fx.service, { at: T0 });
    await startEscalation(t.db, overdue.id, T0);
    await advanceEscalation(t.db, overdue.id, T0);
    // Level 2 due at 7 min: only 1 minute late at 8 min, its run may just be slow. Left alone.
    const late = await makeIncident(t.db, fx.service, { at: at(2) });
    await startEscalation(t.db, late.id, at(2));
    await advanceEscalation(t.db, late.id, at(2));
    // A heartbeat monitor whose ping was due at 1 min.
    const [hb] = await t.db.insert(heartbeatMonitors).values({ serviceId: fx.service.id, name: "nightly backup", intervalSeconds: 60, graceSeconds: 0, prefix: `hb_${Date.now()}`, hash: `h${Math.random()}`, dueAt: at(1) }).returning();

    clock.set(at(8));
    const { result, ctx } = await new InngestTestEngine({ function: auditor, steps: [{ id: "resend-triggered", handler: () => ({ ids: ["x"] }) }] }).execute();

    expect(stepIds(ctx.step.run)).toEqual(["check-heartbeats", "find-stalled", "start-orphans", "redrive-overdue", "postmortem-chores"]);
    // Sent: level 2's pages, and level 1's, which the dead run never sent.
    expect(result).toEqual({ heartbeatsDown: 1, orphansStarted: 1, overdue: 1, advanced: 1, sent: 4, postmortemDrafts: expect.any(Number) });
    // The orphan has its escalation now, and its run is (re)started with the original event id.
    expect(await escalation(orphan.id)).toMatchObject({ phase: "active" });
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } }).mock.calls;
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]).toBe("resend-triggered");
    expect(sent[0]![1]).toEqual([{ name: "incident/triggered", id: `incident-triggered-${orphan.id}`, data: { incidentId: orphan.id, serviceId: fx.service.id } }]);
    // The overdue one moved to level 2 at 8 min, and its pages went out.
    expect(await escalation(overdue.id)).toMatchObject({ level: 1, nextDueAt: at(18) });
    expect((await pagesOf(t.db, overdue.id)).filter((p) => p.level === 1).map((p) => [p.userId, p.state])).toEqual([
      [fx.lena.id, "delivered"],
      [fx.lena.id, "sent"],
    ]);
    // The slightly late one is left to its run.
    expect(await escalation(late.id)).toMatchObject({ level: 0, nextDueAt: at(7) });
    // The heartbeat is down, and an incident is open for it.
    const [monitor] = await t.db.select().from(heartbeatMonitors).where(eq(heartbeatMonitors.id, hb!.id));
    expect(monitor!.state).toBe("down");
    const open = await t.db.select().from(incidents).where(eq(incidents.serviceId, fx.service.id));
    expect(open.some((i) => i.title.includes("nightly backup"))).toBe(true);

    // A minute later nothing is stalled (the orphan's first step is its run's business).
    clock.set(at(9));
    const again = await new InngestTestEngine({ function: auditor }).execute();
    expect(again.result).toMatchObject({ orphansStarted: 0, overdue: 0 });
  });
});
