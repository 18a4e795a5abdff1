import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { incidentEscalations, incidents, shiftReminders as shiftReminderRows } from "@/db/schema";
import { makeIncident, makePolicy, makeService, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { signActionToken } from "@/lib/escalations/action-token";
import { advanceEscalation } from "@/lib/escalations/advance-escalation";
import { dispatchNotifications } from "@/lib/escalations/dispatch-notifications";
import { readFromEmail } from "@/lib/escalations/email-action";
import { startEscalation } from "@/lib/escalations/start-escalation";
import { deliverNotifications } from "./deliver-notifications";
import { promoteDeferredIncident } from "./promote-deferred-incident";
import { shiftReminders } from "./shift-reminders";
import { stopOnRead } from "./stop-on-read";
import { at, clock, setUpInngestSuite, type PagingFixture, type TestDatabase, mailsTo, pagesOf, stepIds, T0, wakeWhenDue } from "./test-support";

let t: TestDatabase;
let fx: PagingFixture;
setUpInngestSuite((db, fixture) => {
  t = db;
  fx = fixture;
});

const mockCalls = (fn: unknown) => (fn as { mock: { calls: unknown[][] } }).mock.calls;

/** Started, level 1 paged and sent at T0, as the escalation run would have. */
async function pagedAtT0(service = fx.service) {
  const inc = await makeIncident(t.db, service, { at: T0 });
  await startEscalation(t.db, inc.id, T0);
  const r = await advanceEscalation(t.db, inc.id, T0);
  await dispatchNotifications(t.db, T0, { ids: r!.dueNotificationIds });
  return inc;
}

describe("promote-deferred-incident", () => {
  it("is invoked, and stops with the incident's acknowledgement or resolution", () => {
    expect(promoteDeferredIncident.opts.cancelOn).toEqual([
      { event: "incident/acknowledged", match: "data.incidentId" },
      { event: "incident/resolved", match: "data.incidentId" },
    ]);
    expect((promoteDeferredIncident.opts.triggers as { event: string }[])[0]!.event).toBe("inngest/function.invoked");
  });

  it("sleeps until the business-hours instant the DB holds, then promotes and pages the first level", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0, priority: "low", deferredUntil: at(90) });
    await startEscalation(t.db, inc.id, T0);
    const { result, ctx } = await new InngestTestEngine({
      function: promoteDeferredIncident,
      events: [{ name: "inngest/function.invoked", data: { incidentId: inc.id } }],
      steps: [{ id: "wait-business-hours", handler: wakeWhenDue(t.db, inc.id) }],
    }).execute();
    expect(stepIds(ctx.step.run)).toEqual(["read-deferral", "notify-l0-r0", "send-l0-r0"]);
    expect(mockCalls(ctx.step.sleepUntil).map((c) => [c[0], c[1]])).toEqual([["wait-business-hours", at(90).toISOString()]]);
    expect(result).toMatchObject({ phase: "active", cursor: { level: 0, repeat: 0 }, next: { level: 1, repeat: 0 }, nextDueAt: at(95).toISOString(), dueNotificationIds: [] });
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(row!.promotedAt).toEqual(at(90));
    expect((await pagesOf(t.db, inc.id)).map((p) => [p.channel, p.state])).toEqual([
      ["email", "delivered"],
      ["in_app", "sent"],
    ]);
  });
});

describe("deliver-notifications", () => {
  it("sweeps what fell due after its step: until-read reminders (and retries, delayed channels), three times a minute", async () => {
    expect(deliverNotifications.opts.triggers).toEqual([{ cron: "* * * * *" }]);
    const inc = await pagedAtT0();
    const email = (await pagesOf(t.db, inc.id)).find((p) => p.channel === "email")!;
    expect(email.dueAt).toEqual(at(2)); // Alice's preference: remind every 2 minutes until read
    clock.set(at(1, 50));
    const gap = () => {
      clock.set(new Date(clock.current.getTime() + 20_000));
      return null;
    };
    const { result, ctx } = await new InngestTestEngine({ function: deliverNotifications, steps: [{ id: "gap-1", handler: gap }, { id: "gap-2", handler: gap }] }).execute();
    expect(stepIds(ctx.step.run)).toEqual(["sweep-0", "sweep-1", "sweep-2"]);
    expect(stepIds(ctx.step.sleep)).toEqual(["gap-1", "gap-2"]);
    expect(result).toMatchObject({ sent: 1 });
    const mails = (await mailsTo(t.db, fx.alice.email)).filter((m) => m.subject.includes(inc.title));
    expect(mails.map((m) => m.subject.slice(0, 12))).toEqual([mails[0]!.subject.slice(0, 12), "[Reminder 1]"]);
  });
});

describe("stop-on-read", () => {
  it("stops an escalation whose policy stops on read, when a page is read", async () => {
    const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 5, targets: [{ type: "user", id: fx.bob.id }] }, { delayMinutes: 5, targets: [{ type: "user", id: fx.lena.id }] }], stopOn: "read" });
    const service = await makeService(t.db, { clientId: fx.client.id, teamId: fx.team.id, escalationPolicyId: policy.id });
    const inc = await pagedAtT0(service);
    const email = (await pagesOf(t.db, inc.id)).find((p) => p.channel === "email")!;
    await readFromEmail(t.db, signActionToken(email.id), at(1));
    clock.set(at(1));
    const { result, ctx } = await new InngestTestEngine({ function: stopOnRead, events: [{ name: "incident/read", data: { incidentId: inc.id } }] }).execute();
    expect(stepIds(ctx.step.run)).toEqual(["advance"]);
    expect(result).toEqual({ incidentId: inc.id, phase: "stopped" });
    const [esc] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, inc.id));
    expect(esc).toMatchObject({ phase: "stopped", stopReason: "read" });
  });

  it("leaves a policy that stops only on acknowledgement running", async () => {
    const inc = await pagedAtT0();
    const email = (await pagesOf(t.db, inc.id)).find((p) => p.channel === "email")!;
    await readFromEmail(t.db, signActionToken(email.id), at(1));
    clock.set(at(1));
    const { result } = await new InngestTestEngine({ function: stopOnRead, events: [{ name: "incident/read", data: { incidentId: inc.id } }] }).execute();
    expect(result).toEqual({ incidentId: inc.id, phase: "active" });
  });
});

describe("shift-reminders", () => {
  it("runs the reminders verb every 5 minutes", async () => {
    expect(shiftReminders.opts.triggers).toEqual([{ cron: "*/5 * * * *" }]);
    const ann = await makeUser(t.db, { name: "Ann" });
    const ben = await makeUser(t.db, { name: "Ben", timeZone: "Europe/Berlin" });
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [ann.id, ben.id], startDate: "2026-11-02" });
    // Ben takes over on Monday 9 Nov at 09:00 New York (14:00Z, 15:00 in Berlin).
    clock.set(new Date("2026-11-09T13:05:00Z"));
    const { result, ctx } = await new InngestTestEngine({ function: shiftReminders }).execute();
    expect(stepIds(ctx.step.run)).toEqual(["send-reminders"]);
    expect(result).toMatchObject({ startsSoon: 1, failed: 0 });
    expect((await mailsTo(t.db, ben.email)).map((m) => m.subject)).toEqual([`Your shift on ${schedule.name} starts at 15:00`]);
    expect(await t.db.select().from(shiftReminderRows).where(and(eq(shiftReminderRows.userId, ben.id), eq(shiftReminderRows.kind, "starts_soon")))).toHaveLength(1);
  });
});
