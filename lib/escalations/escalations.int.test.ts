import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { openDatabase, useDbHandle } from "@/db/client";
import { escalationPolicies, incidentEscalations, incidents, incidentTimeline, notifications, outboxMessages } from "@/db/schema";
import { makeClient, makeIncident, makePolicy, makeService, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { resendStandIn } from "@/db/test/resend-stand-in";
import { createTestDatabase } from "@/db/test/test-database";
import { applyAcknowledge } from "@/lib/incidents/acknowledge-incident";
import { resetEnvCache } from "@/lib/env";
import { setTransport } from "@/lib/mailer";
import { resendTransport } from "@/lib/mailer/resend-transport";
import { signActionToken } from "./action-token";
import { advanceEscalation } from "./advance-escalation";
import { dispatchNotifications } from "./dispatch-notifications";
import { acknowledgeFromEmail, readFromEmail, resolveEmailAction } from "./email-action";
import { runTick } from "./embedded-driver";
import { incidentTriggered } from "./signals";
import { startEscalation } from "./start-escalation";
import { makeIntegrationKey } from "@/db/test/factories";
import { handleEnqueue } from "@/lib/ingest/enqueue-handler";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = new Date("2026-11-23T07:00:00Z"); // 02:00 in New York
const MIN = 60_000;
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * MIN + seconds * 1000);

let fx: Awaited<ReturnType<typeof fixture>>;

/** Alice holds a 24/7 schedule; Lena leads the team; the policy: the schedule (5 min), the leads (10 min), repeat once, failover to the leads and a plain address. */
async function fixture() {
  const alice = await makeUser(t.db, { name: "Alice", timeZone: "America/New_York" });
  const bob = await makeUser(t.db, { name: "Bob" });
  const lena = await makeUser(t.db, { name: "Lena", role: "manager" });
  const team = await makeTeam(t.db, [{ userId: alice.id }, { userId: bob.id }, { userId: lena.id, isLead: true }]);
  const client = await makeClient(t.db, { teamIds: [team.id] });
  const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [alice.id], teamId: team.id });
  const policy = await makePolicy(t.db, {
    levels: [
      { delayMinutes: 5, targets: [{ type: "schedule", id: schedule.id }] },
      { delayMinutes: 10, targets: [{ type: "team", id: team.id, scope: "leads" }] },
    ],
    repeat: 1,
    failover: { leads: true, userIds: [], emails: ["boss@example.com"] },
  });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id, escalationPolicyId: policy.id });
  return { alice, bob, lena, team, client, schedule, policy, service };
}

async function pagesOf(incidentId: string) {
  return t.db.select().from(notifications).where(eq(notifications.incidentId, incidentId)).orderBy(asc(notifications.createdAt), asc(notifications.level), asc(notifications.channel));
}
async function kinds(incidentId: string) {
  return (await t.db.select({ kind: incidentTimeline.kind }).from(incidentTimeline).where(eq(incidentTimeline.incidentId, incidentId)).orderBy(asc(incidentTimeline.id))).map((r) => r.kind);
}
async function mailsTo(to: string) {
  return t.db.select().from(outboxMessages).where(eq(outboxMessages.to, to)).orderBy(asc(outboxMessages.createdAt));
}

beforeAll(async () => {
  process.env.AUTH_SECRET = "test-secret-for-email-action-links-0123456789";
  process.env.BATON_PUBLIC_URL = "http://baton.test";
  resetEnvCache();
  t = await createTestDatabase();
  useDbHandle(t);
  fx = await fixture();
});
afterAll(async () => {
  setTransport(undefined);
  useDbHandle(undefined);
  await t.drop();
});
beforeEach(() => setTransport(undefined));

describe("the escalation, driven by the embedded driver's ticks", () => {
  it("pages the on-call, then the lead, repeats once, then fails over by email with the report", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0, title: "Disk 91% full on imaging-01" });
    await incidentTriggered(t.db, inc.id, T0);
    await runTick(t.db, T0);
    let pages = await pagesOf(inc.id);
    expect(pages.map((p) => [p.level, p.repeat, p.userId, p.channel, p.state])).toEqual([
      [0, 0, fx.alice.id, "email", "delivered"],
      [0, 0, fx.alice.id, "in_app", "sent"],
    ]);
    const [mail] = await mailsTo(fx.alice.email);
    expect(mail!.subject).toContain("[HIGH]");
    expect(mail!.subject).toContain("Disk 91% full on imaging-01");
    expect(mail!.text).toContain(`http://baton.test/n/${signActionToken(pages.find((p) => p.channel === "email")!.id)}`);
    expect(mail!.text).toContain("disk: /var");

    // Until read: the email is repeated every 2 minutes within the level.
    await runTick(t.db, at(2));
    const reminded = await mailsTo(fx.alice.email);
    expect(reminded).toHaveLength(2);
    expect(reminded[1]!.subject).toMatch(/^\[Reminder 1\] \[HIGH\]/);
    await runTick(t.db, at(4, 59));
    expect(await mailsTo(fx.alice.email)).toHaveLength(3);

    await runTick(t.db, at(5));
    pages = await pagesOf(inc.id);
    expect(pages.filter((p) => p.level === 1).map((p) => [p.userId, p.channel])).toEqual([
      [fx.lena.id, "email"],
      [fx.lena.id, "in_app"],
    ]);
    await runTick(t.db, at(15));
    expect((await pagesOf(inc.id)).filter((p) => p.repeat === 1)).toHaveLength(2);
    await runTick(t.db, at(20));
    await runTick(t.db, at(29, 59));
    const [before] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(before!.unansweredAt).toBeNull();
    await runTick(t.db, at(30));
    const [after] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(after!.unansweredAt).toEqual(at(30));
    const failover = (await mailsTo("boss@example.com"))[0]!;
    expect(failover.subject).toMatch(/^\[UNANSWERED\] \[HIGH\]/);
    expect(failover.text).toContain("Alice");
    expect(failover.text).toContain("Escalated to level 2");
    expect((await mailsTo(fx.lena.email)).some((m) => m.subject.startsWith("[UNANSWERED]"))).toBe(true);
    const k = await kinds(inc.id);
    expect(k.filter((x) => ["notified", "escalated", "repeated", "failed_over"].includes(x))).toEqual(expect.arrayContaining(["notified", "escalated", "repeated", "failed_over"]));
    expect(k.filter((x) => x === "failed_over")).toHaveLength(1);
    // Who was paged, who the failover went to: staff only (a client's stakeholders see the status).
    const rows = await t.db.select({ kind: incidentTimeline.kind, internal: incidentTimeline.internal }).from(incidentTimeline).where(eq(incidentTimeline.incidentId, inc.id));
    expect(rows.filter((r) => ["notified", "escalated", "repeated", "failed_over", "escalation"].includes(r.kind)).every((r) => r.internal)).toBe(true);
    const [esc] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, inc.id));
    expect(esc).toMatchObject({ phase: "failed_over", nextDueAt: null });
    // Nothing more happens afterwards: no reminders after failover, no second failover.
    const n = (await t.db.select({ n: count() }).from(outboxMessages))[0]!.n;
    await runTick(t.db, at(45));
    expect((await t.db.select({ n: count() }).from(outboxMessages))[0]!.n).toBe(n);
  });

  it("acknowledging stops it: pending pages cancelled, no more emails after the interval", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0 });
    await incidentTriggered(t.db, inc.id, T0);
    await runTick(t.db, T0);
    await t.db.transaction((tx) => applyAcknowledge(tx, inc.id, { userId: fx.alice.id, label: "Alice" }, at(1)));
    const mails = (await mailsTo(fx.alice.email)).length;
    for (const m of [2, 5, 15, 30, 60]) await runTick(t.db, at(m));
    expect(await mailsTo(fx.alice.email)).toHaveLength(mails);
    expect((await pagesOf(inc.id)).every((p) => p.level === 0)).toBe(true);
    const [esc] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, inc.id));
    expect(esc).toMatchObject({ phase: "stopped", stopReason: "acknowledged" });
  });

  it("a policy that stops on read stops when the page is opened from the email", async () => {
    const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 5, targets: [{ type: "user", id: fx.bob.id }] }, { delayMinutes: 5, targets: [{ type: "user", id: fx.lena.id }] }], stopOn: "read" });
    const service = await makeService(t.db, { clientId: fx.client.id, teamId: fx.team.id, escalationPolicyId: policy.id });
    const inc = await makeIncident(t.db, service, { at: T0 });
    await incidentTriggered(t.db, inc.id, T0);
    await runTick(t.db, T0);
    const email = (await pagesOf(inc.id)).find((p) => p.channel === "email")!;
    expect(await readFromEmail(t.db, signActionToken(email.id), at(1))).toEqual({ ok: true, incidentId: inc.id, already: false });
    await runTick(t.db, at(5));
    expect((await pagesOf(inc.id)).some((p) => p.userId === fx.lena.id)).toBe(false);
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(row).toMatchObject({ status: "triggered", firstReadBy: fx.bob.id });
    expect(await kinds(inc.id)).toContain("read");
  });

  it("a level that reaches nobody is written down and escalation moves on at once", async () => {
    const empty = await makeTeam(t.db);
    const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 5, targets: [{ type: "team", id: empty.id, scope: "leads" }] }, { delayMinutes: 5, targets: [{ type: "user", id: fx.bob.id }] }] });
    const service = await makeService(t.db, { clientId: fx.client.id, teamId: fx.team.id, escalationPolicyId: policy.id });
    const inc = await makeIncident(t.db, service, { at: T0 });
    await incidentTriggered(t.db, inc.id, T0);
    await runTick(t.db, T0);
    expect((await pagesOf(inc.id)).map((p) => [p.level, p.userId])).toEqual([
      [1, fx.bob.id],
      [1, fx.bob.id],
    ]);
    const rows = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, inc.id), eq(incidentTimeline.kind, "nobody_on_call")));
    expect(rows[0]!.message).toContain("has no lead");
  });

  it("a deferred incident waits for business hours, then is promoted and pages", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0, priority: "medium", deferredUntil: at(120) });
    await incidentTriggered(t.db, inc.id, T0);
    await runTick(t.db, at(119));
    expect(await pagesOf(inc.id)).toHaveLength(0);
    await runTick(t.db, at(120));
    expect((await pagesOf(inc.id)).length).toBeGreaterThan(0);
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(row!.promotedAt).toEqual(at(120));
  });

  it("after downtime it advances one step from now: no burst of every missed level", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0 });
    await incidentTriggered(t.db, inc.id, T0);
    await runTick(t.db, T0);
    await runTick(t.db, at(90)); // down for 90 minutes: level 2 now, the rest later
    expect(new Set((await pagesOf(inc.id)).map((p) => `${p.level}/${p.repeat}`))).toEqual(new Set(["0/0", "1/0"]));
  });

  it("an incident triggered while its starter crashed is started by the next tick", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0 });
    await runTick(t.db, at(0, 5));
    expect(await pagesOf(inc.id)).toHaveLength(0);
    await runTick(t.db, at(0, 11));
    expect((await pagesOf(inc.id)).length).toBeGreaterThan(0);
  });

  it("a confidential incident's email says only that a confidential incident needs you", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0, title: "Ransomware on the file server", confidential: true });
    await incidentTriggered(t.db, inc.id, T0);
    await runTick(t.db, T0);
    const mail = (await mailsTo(fx.alice.email)).at(-1)!;
    expect(mail.subject).toBe("[HIGH] A confidential incident needs you");
    expect(mail.text).not.toContain("Ransomware");
    expect(mail.text).not.toContain(fx.client.name);
    expect(mail.text).not.toContain(fx.service.name);
  });
});

describe("from ingestion", () => {
  const enqueue = (body: unknown, now: Date) => handleEnqueue(new Request("http://localhost/v2/enqueue", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), () => now);

  it("a high-priority event starts the escalation with the policy snapshot; a PagerDuty acknowledge stops it", async () => {
    const { key } = await makeIntegrationKey(t.db, fx.service.id);
    const res = await enqueue({ routing_key: key, event_action: "trigger", dedup_key: "ingest-1", payload: { summary: "CPU on fire", source: "db-1", severity: "critical" } }, T0);
    expect(res.status).toBe(202);
    const [inc] = await t.db.select().from(incidents).where(eq(incidents.title, "CPU on fire"));
    const [esc] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, inc!.id));
    expect(esc).toMatchObject({ phase: "active", nextDueAt: T0, policy: { policyId: fx.policy.id, name: fx.policy.name, repeat: 1, stopOn: "acknowledged", levels: fx.policy.levels, failover: fx.policy.failover } });
    await runTick(t.db, T0);
    expect((await pagesOf(inc!.id)).map((p) => p.userId)).toEqual([fx.alice.id, fx.alice.id]);
    // Editing the policy later changes nothing in flight.
    await t.db.update(escalationPolicies).set({ repeat: 5, levels: [] }).where(eq(escalationPolicies.id, fx.policy.id));
    const [inFlight] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, inc!.id));
    expect(inFlight!.policy).toMatchObject({ repeat: 1, levels: fx.policy.levels });
    await t.db.update(escalationPolicies).set({ repeat: fx.policy.repeat, levels: fx.policy.levels }).where(eq(escalationPolicies.id, fx.policy.id));
    expect((await enqueue({ routing_key: key, event_action: "acknowledge", dedup_key: "ingest-1" }, at(1))).status).toBe(202);
    await runTick(t.db, at(2));
    await runTick(t.db, at(5));
    const pages = await pagesOf(inc!.id);
    expect(pages.every((p) => p.level === 0 && p.dueAt === null)).toBe(true);
    const [after] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, inc!.id));
    expect(after).toMatchObject({ phase: "stopped", stopReason: "acknowledged" });
  });

  it("a medium event outside business hours waits, with its escalation due at the business-hours instant", async () => {
    const { key } = await makeIntegrationKey(t.db, fx.service.id);
    // 02:00 in New York on a Monday: the client's hours are 08:00–18:00 on weekdays.
    expect((await enqueue({ routing_key: key, event_action: "trigger", dedup_key: "ingest-2", payload: { summary: "Backup slow", source: "nas", severity: "warning" } }, T0)).status).toBe(202);
    const [inc] = await t.db.select().from(incidents).where(eq(incidents.title, "Backup slow"));
    const [esc] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, inc!.id));
    expect(esc).toMatchObject({ phase: "deferred", nextDueAt: new Date("2026-11-23T13:00:00Z") });
  });
});

describe("races and replays", () => {
  it("acknowledging as the next level falls due, 200 times: no page is written after the ack committed", async () => {
    const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 1, targets: [{ type: "user", id: fx.alice.id }] }, { delayMinutes: 1, targets: [{ type: "user", id: fx.bob.id }] }] });
    const service = await makeService(t.db, { clientId: fx.client.id, teamId: fx.team.id, escalationPolicyId: policy.id });
    for (let trial = 0; trial < 200; trial++) {
      const inc = await makeIncident(t.db, service, { at: T0 });
      await startEscalation(t.db, inc.id, T0);
      await advanceEscalation(t.db, inc.id, T0);
      await Promise.all([advanceEscalation(t.db, inc.id, at(1)), t.db.transaction((tx) => applyAcknowledge(tx, inc.id, { userId: fx.alice.id, label: "Alice" }, at(1)))]);
      const rows = await t.db.select({ id: incidentTimeline.id, kind: incidentTimeline.kind }).from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, inc.id), inArray(incidentTimeline.kind, ["escalated", "acknowledged"]))).orderBy(asc(incidentTimeline.id));
      const bobPages = (await pagesOf(inc.id)).filter((p) => p.userId === fx.bob.id);
      const ack = rows.find((r) => r.kind === "acknowledged")!;
      const escalated = rows.find((r) => r.kind === "escalated");
      if (bobPages.length) {
        // Level 2 was written before the ack (the incident row lock orders them); its pages never go out.
        expect(escalated!.id).toBeLessThan(ack.id);
        expect(bobPages.every((p) => p.state === "cancelled")).toBe(true);
      } else {
        expect(escalated).toBeUndefined();
      }
      await dispatchNotifications(t.db, at(2));
      expect((await pagesOf(inc.id)).filter((p) => p.userId === fx.bob.id && p.sentAt)).toHaveLength(0);
    }
  });

  it("replaying a step or a send writes and sends nothing twice", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0 });
    await incidentTriggered(t.db, inc.id, T0);
    await incidentTriggered(t.db, inc.id, T0);
    await advanceEscalation(t.db, inc.id, T0);
    await advanceEscalation(t.db, inc.id, T0);
    const pages = await pagesOf(inc.id);
    expect(pages).toHaveLength(2);
    await dispatchNotifications(t.db, T0, { ids: pages.map((p) => p.id) });
    await dispatchNotifications(t.db, T0, { ids: pages.map((p) => p.id) });
    expect((await mailsTo(fx.alice.email)).filter((m) => m.idempotencyKey === pages.find((p) => p.channel === "email")!.id)).toHaveLength(1);
  });

  it("two servers ticking on one database, 100 incidents: exactly one page per incident, level, repeat, person and channel", async () => {
    const second = t.url ? await openDatabase({ kind: "postgres", url: t.url, poolMax: 4 }) : t;
    try {
      const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 1, targets: [{ type: "user", id: fx.alice.id }, { type: "user", id: fx.bob.id }] }] });
      const service = await makeService(t.db, { clientId: fx.client.id, teamId: fx.team.id, escalationPolicyId: policy.id });
      const ids: string[] = [];
      for (let i = 0; i < 100; i++) {
        const inc = await makeIncident(t.db, service, { at: T0 });
        await startEscalation(t.db, inc.id, T0);
        ids.push(inc.id);
      }
      await Promise.all([runTick(t.db, T0), runTick(second.db, T0), runTick(t.db, T0), runTick(second.db, T0)]);
      const rows = await t.db.select().from(notifications).where(inArray(notifications.incidentId, ids));
      expect(rows).toHaveLength(100 * 2 * 2);
      const notified = await t.db.select({ n: count() }).from(incidentTimeline).where(and(inArray(incidentTimeline.incidentId, ids), eq(incidentTimeline.kind, "notified")));
      expect(notified[0]!.n).toBe(200);
      const emails = rows.filter((r) => r.channel === "email");
      const sent = await t.db.select({ key: outboxMessages.idempotencyKey }).from(outboxMessages).where(inArray(outboxMessages.idempotencyKey, emails.map((e) => e.id)));
      expect(sent).toHaveLength(200);
    } finally {
      if (second !== t) await second.close();
    }
  });
});

describe("email delivery through Resend", () => {
  it("500, 500, 202: one email, the same Idempotency-Key three times", async () => {
    const standIn = resendStandIn([500, 500, 202]);
    setTransport(resendTransport("re_test", await standIn.start()));
    try {
      const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 30, targets: [{ type: "user", id: fx.bob.id }] }] });
      const service = await makeService(t.db, { clientId: fx.client.id, teamId: fx.team.id, escalationPolicyId: policy.id });
      const inc = await makeIncident(t.db, service, { at: T0 });
      await incidentTriggered(t.db, inc.id, T0);
      await runTick(t.db, T0);
      await runTick(t.db, at(0, 5));
      await runTick(t.db, at(0, 20));
      const email = (await pagesOf(inc.id)).find((p) => p.channel === "email")!;
      expect(standIn.requests.map((r) => r.headers["idempotency-key"])).toEqual([email.id, email.id, email.id]);
      expect(email).toMatchObject({ state: "sent", providerId: "re_3", attempts: 0 });
    } finally {
      await standIn.stop();
    }
  });

  it("422: recorded as failed with the reason, and escalation still moves on", async () => {
    const standIn = resendStandIn([422]);
    setTransport(resendTransport("re_test", await standIn.start()));
    try {
      const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 1, targets: [{ type: "user", id: fx.bob.id }] }, { delayMinutes: 1, targets: [{ type: "user", id: fx.lena.id }] }] });
      const service = await makeService(t.db, { clientId: fx.client.id, teamId: fx.team.id, escalationPolicyId: policy.id });
      const inc = await makeIncident(t.db, service, { at: T0 });
      await incidentTriggered(t.db, inc.id, T0);
      await runTick(t.db, T0);
      const email = (await pagesOf(inc.id)).find((p) => p.channel === "email")!;
      expect(email).toMatchObject({ state: "failed", failedAt: T0 });
      expect(email.lastError).toContain("422");
      expect(await kinds(inc.id)).toContain("notification_failed");
      await runTick(t.db, at(1));
      expect((await pagesOf(inc.id)).some((p) => p.userId === fx.lena.id)).toBe(true);
    } finally {
      await standIn.stop();
    }
  });
});

describe("email action links", () => {
  it("resolving a token changes nothing; a token is bound to its person and incident; links die when the incident resolves", async () => {
    const inc = await makeIncident(t.db, fx.service, { at: T0 });
    await incidentTriggered(t.db, inc.id, T0);
    await runTick(t.db, T0);
    const email = (await pagesOf(inc.id)).find((p) => p.channel === "email")!;
    const token = signActionToken(email.id);
    const target = await resolveEmailAction(t.db, token);
    expect(target).toMatchObject({ userId: fx.alice.id, incident: { id: inc.id } });
    const [still] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(still).toMatchObject({ status: "triggered", firstReadAt: null });
    expect((await pagesOf(inc.id)).find((p) => p.id === email.id)!.state).toBe("delivered");

    // A token whose MAC belongs to another notification, or a made-up one, is refused.
    const other = (await pagesOf(inc.id)).find((p) => p.channel === "in_app")!;
    expect(await resolveEmailAction(t.db, `${other.id}.${token.split(".")[1]}`)).toBeNull();
    expect(await acknowledgeFromEmail(t.db, `${email.id}.${"A".repeat(43)}`, at(1))).toEqual({ ok: false });

    expect(await acknowledgeFromEmail(t.db, token, at(1))).toEqual({ ok: true, incidentId: inc.id, already: false });
    const [acked] = await t.db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(acked).toMatchObject({ status: "acknowledged", acknowledgedBy: fx.alice.id, firstReadBy: fx.alice.id });
    expect(await acknowledgeFromEmail(t.db, token, at(2))).toEqual({ ok: true, incidentId: inc.id, already: true });

    await t.db.update(incidents).set({ status: "resolved" }).where(eq(incidents.id, inc.id));
    expect(await resolveEmailAction(t.db, token)).toBeNull();
  });
});
