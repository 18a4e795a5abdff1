import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { incidentEscalations, incidents, outboxMessages } from "@/db/schema";
import { makeIncident } from "@/db/test/factories";
import { startEscalation } from "@/lib/escalations/start-escalation";
import { applyAcknowledge } from "@/lib/incidents/acknowledge-incident";
import { escalateIncident } from "./escalate-incident";
import { promoteDeferredIncident } from "./promote-deferred-incident";
import { at, setUpInngestSuite, type PagingFixture, type TestDatabase, mailsTo, pagesOf, stepIds, T0, wakeWhenDue } from "./test-support";

let t: TestDatabase;
let fx: PagingFixture;
setUpInngestSuite((db, fixture) => {
  t = db;
  fx = fixture;
});

const WAITS = ["wait-l0-r0", "wait-l1-r0", "wait-l0-r1", "wait-l1-r1"];
const triggered = (incidentId: string, serviceId: string) => [{ name: "incident/triggered", data: { incidentId, serviceId } }] as [{ name: string; data: Record<string, unknown> }];

function engine(incidentId: string, extra: { steps?: { id: string; handler: () => unknown }[] } = {}) {
  return new InngestTestEngine({
    function: escalateIncident,
    events: triggered(incidentId, fx.service.id),
    steps: [...WAITS.map((id) => ({ id, handler: wakeWhenDue(t.db, incidentId) })), ...(extra.steps ?? [])],
  });
}

describe("escalate-incident", () => {
  it("is cancelled by an acknowledgement or resolution of the same incident, and limited per service", () => {
    expect(escalateIncident.opts.cancelOn).toEqual([
      { event: "incident/acknowledged", match: "data.incidentId" },
      { event: "incident/resolved", match: "data.incidentId" },
    ]);
    expect(escalateIncident.opts.concurrency).toEqual([{ key: "event.data.serviceId", limit: 5 }]);
    expect(escalateIncident.opts.triggers).toEqual([{ event: "incident/triggered" }]);
    const opts = escalateIncident.opts as unknown as Record<string, unknown>;
    expect(opts.rateLimit ?? opts.debounce ?? opts.batchEvents).toBeUndefined();
  });

  it("pages level by level, sleeping between, repeats once, then fails over: steps named after the cursor", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0, title: "Disk 91% full on imaging-01" });
    const { result, ctx } = await engine(inc.id).execute();
    expect(result).toEqual({ incidentId: inc.id, phase: "failed_over", rounds: 5 });
    expect(stepIds(ctx.step.run)).toEqual(["start", "notify-l0-r0", "send-l0-r0", "notify-l1-r0", "send-l1-r0", "notify-l0-r1", "send-l0-r1", "notify-l1-r1", "send-l1-r1", "failover", "send-failover"]);
    expect(stepIds(ctx.step.sleepUntil)).toEqual(WAITS);
    // Each sleep is until the instant the escalation row holds: 5, 15, 20 and 30 minutes in.
    expect((ctx.step.sleepUntil as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((c) => c[1])).toEqual([at(5), at(15), at(20), at(30)].map((d) => d.toISOString()));

    const pages = await pagesOf(t.db, inc.id);
    expect(pages.filter((p) => p.kind === "page").map((p) => `${p.level}/${p.repeat} ${p.userId === fx.alice.id ? "alice" : "lena"} ${p.channel}`)).toEqual([
      "0/0 alice email",
      "0/0 alice in_app",
      "1/0 lena email",
      "1/0 lena in_app",
      "0/1 alice email",
      "0/1 alice in_app",
      "1/1 lena email",
      "1/1 lena in_app",
    ]);
    expect(pages.filter((p) => p.kind === "page" && p.channel === "email").every((p) => p.sentAt !== null)).toBe(true);
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(row!.unansweredAt).toEqual(at(30));
    expect((await mailsTo(t.db, "boss@example.com")).filter((m) => m.subject.includes(inc.title))).toHaveLength(1);
  });

  it("stops when the incident is acknowledged during a sleep, even if the cancel event never arrived", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0 });
    const ackThenWake = async () => {
      await t.db.transaction((tx) => applyAcknowledge(tx, inc.id, { userId: fx.alice.id, label: "Alice" }, at(1)));
      return wakeWhenDue(t.db, inc.id)();
    };
    const { result, ctx } = await engine(inc.id, { steps: [{ id: "wait-l0-r0", handler: ackThenWake }] }).execute();
    expect(result).toMatchObject({ phase: "stopped" });
    expect(stepIds(ctx.step.run)).toEqual(["start", "notify-l0-r0", "send-l0-r0", "notify-l1-r0"]);
    expect((await pagesOf(t.db, inc.id)).every((p) => p.level === 0)).toBe(true);
    const [esc] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, inc.id));
    expect(esc).toMatchObject({ phase: "stopped", stopReason: "acknowledged" });
  });

  it("a retried notify or send step writes and sends nothing twice", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0 });
    await startEscalation(t.db, inc.id, T0);
    // What the run recorded for its "start" step; a retry replays it from there.
    const started = { id: "start", handler: () => ({ phase: "active", nextDueAt: T0.toISOString(), cursor: null, next: { level: 0, repeat: 0 }, serviceId: fx.service.id }) };
    const replaying = (steps: { id: string; handler: () => unknown }[]) => new InngestTestEngine({ function: escalateIncident, events: triggered(inc.id, fx.service.id), steps });
    // The notify step runs, its result is lost (crash, timeout), Inngest runs it again: same rows.
    const first = await replaying([started]).executeStep("notify-l0-r0");
    const retry = await replaying([started]).executeStep("notify-l0-r0");
    expect((first.result as { steps: string[] }).steps).toEqual(["notify"]);
    expect(retry.result).toMatchObject({ steps: [], cursor: { level: 0, repeat: 0 }, dueNotificationIds: (first.result as { dueNotificationIds: string[] }).dueNotificationIds });
    const pages = await pagesOf(t.db, inc.id);
    expect(pages).toHaveLength(2);
    // The send step runs twice over the notify step's recorded output: one email.
    const notified = { id: "notify-l0-r0", handler: () => first.result };
    const sends = [];
    for (let i = 0; i < 2; i++) sends.push((await replaying([started, notified]).executeStep("send-l0-r0")).result);
    expect(sends).toEqual([expect.objectContaining({ sent: 2 }), expect.objectContaining({ sent: 0 })]);
    const email = pages.find((p) => p.channel === "email")!;
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, email.id))).toHaveLength(1);
  });

  it("an incident that is no longer triggered does not page", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0 });
    await t.db.update(incidents).set({ status: "resolved" }).where(eq(incidents.id, inc.id));
    const { result, ctx } = await engine(inc.id).execute();
    expect(result).toEqual({ incidentId: inc.id, phase: null, rounds: 0 });
    expect(stepIds(ctx.step.run)).toEqual(["start"]);
  });

  it("a deferred incident is handed to promote-deferred-incident, then escalates from its result", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0, priority: "medium", deferredUntil: at(120) });
    const promote = async () => {
      const run = await new InngestTestEngine({
        function: promoteDeferredIncident,
        events: [{ name: "inngest/function.invoked", data: { incidentId: inc.id, serviceId: fx.service.id } }],
        steps: [{ id: "wait-business-hours", handler: wakeWhenDue(t.db, inc.id) }],
      }).execute();
      return run.result;
    };
    const ackLater = async () => {
      await t.db.transaction((tx) => applyAcknowledge(tx, inc.id, { userId: fx.alice.id, label: "Alice" }, at(121)));
      return wakeWhenDue(t.db, inc.id)();
    };
    const { result, ctx } = await engine(inc.id, { steps: [{ id: "promote-deferred", handler: promote }, { id: "wait-l0-r0", handler: ackLater }] }).execute();
    expect(stepIds(ctx.step.invoke)).toEqual(["promote-deferred"]);
    // The promotion sent level 1's pages itself; the run does not send them again.
    expect(stepIds(ctx.step.run)).toEqual(["start", "notify-l1-r0"]);
    expect(result).toMatchObject({ phase: "stopped" });
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(row!.promotedAt).toEqual(at(120));
    const pages = await pagesOf(t.db, inc.id);
    expect(pages.map((p) => [p.level, p.createdAt.toISOString()])).toEqual([
      [0, at(120).toISOString()],
      [0, at(120).toISOString()],
    ]);
    expect(pages.find((p) => p.channel === "email")!.sentAt).toEqual(at(120));
    expect(await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.to, fx.alice.email)))).not.toHaveLength(0);
  });
});
