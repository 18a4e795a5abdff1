import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import webpush from "web-push";
import { useDbHandle } from "@/db/client";
import { incidentTimeline, notifications, pushSubscriptions } from "@/db/schema";
import { makeClient, makeIncident, makePolicy, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { browserPushKeys, decryptPushBody, pushServiceStandIn, readVapidAuthorization } from "@/db/test/push-service-stand-in";
import { createTestDatabase } from "@/db/test/test-database";
import { resetEnvCache } from "@/lib/env";
import { signActionToken } from "./action-token";
import { runTick } from "./embedded-driver";
import { incidentTriggered } from "./signals";
import { setVapidKeys } from "./vapid";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const pushService = pushServiceStandIn();
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:oncall@baton.test" };
const T0 = new Date("2026-11-23T07:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A person paged by a one-level policy, with one browser subscribed at the stand-in (answering `status`). */
async function pagedPerson(opts: { status?: number; confidential?: boolean } = {}) {
  const person = await makeUser(t.db, { name: "Pat Push" });
  const team = await makeTeam(t.db, [{ userId: person.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id] });
  const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 10, targets: [{ type: "user", id: person.id }] }], failover: { leads: false, userIds: [], emails: [] } });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id, escalationPolicyId: policy.id });
  const keys = browserPushKeys();
  const endpoint = `${pushService.origin}/${opts.status ? `status-${opts.status}` : "ok"}/${crypto.randomUUID()}`;
  const [sub] = await t.db.insert(pushSubscriptions).values({ userId: person.id, endpoint, p256dh: keys.p256dh, auth: keys.authB64, userAgent: "test" }).returning();
  const incident = await makeIncident(t.db, service, { at: T0, title: "Backups failed on files-02", confidential: opts.confidential });
  return { person, client, incident, keys, sub: sub! };
}
const pushRow = async (incidentId: string) => (await t.db.select().from(notifications).where(and(eq(notifications.incidentId, incidentId), eq(notifications.channel, "push"))).orderBy(asc(notifications.createdAt)))[0];
const requestsTo = (endpoint: string) => pushService.requests.filter((r) => endpoint.endsWith(r.path));

beforeAll(async () => {
  process.env.AUTH_SECRET = "test-secret-for-email-action-links-0123456789";
  process.env.BATON_PUBLIC_URL = "http://baton.test";
  resetEnvCache();
  t = await createTestDatabase();
  useDbHandle(t);
  setVapidKeys(vapid);
  await pushService.start();
});
afterAll(async () => {
  setVapidKeys(undefined);
  await pushService.stop();
  useDbHandle(undefined);
  await t.drop();
});
beforeEach(() => {
  pushService.requests.length = 0;
});

describe("a page by push, driven by the embedded driver", () => {
  it("the push row goes to the person's browser: signed, encrypted, with the incident and its /n/ link; repeated until read", async () => {
    const fx = await pagedPerson();
    await incidentTriggered(t.db, fx.incident.id, T0);
    await runTick(t.db, T0);

    const row = await pushRow(fx.incident.id);
    expect(row).toMatchObject({ userId: fx.person.id, level: 0, repeat: 0, state: "sent", sends: 1, sentAt: T0 });
    const [req] = requestsTo(fx.sub.endpoint);
    expect(req).toBeDefined();
    expect(req!.headers.urgency).toBe("high");
    expect(readVapidAuthorization(req!.headers.authorization as string)).toMatchObject({ verified: true, claims: { aud: pushService.origin, sub: vapid.subject } });
    const payload = JSON.parse(decryptPushBody(req!.body, fx.keys));
    expect(payload).toEqual({
      title: `HIGH · ${(await t.db.query.clients.findFirst({ where: (c, { eq }) => eq(c.id, fx.client.id) }))!.name}`,
      body: `#${fx.incident.number} Backups failed on files-02`,
      url: `/n/${signActionToken(row!.id)}`,
      tag: `incident-${fx.incident.id}`,
      notificationId: row!.id,
    });
    expect((await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, fx.sub.id)))[0]!.lastSuccessAt).toEqual(T0);

    // Unread: the push rings again after the person's repeat interval (2 minutes by default), same tag.
    await runTick(t.db, at(2));
    const again = requestsTo(fx.sub.endpoint);
    expect(again).toHaveLength(2);
    expect(JSON.parse(decryptPushBody(again[1]!.body, fx.keys)).tag).toBe(`incident-${fx.incident.id}`);
  });

  it("a confidential incident's push carries no details", async () => {
    const fx = await pagedPerson({ confidential: true });
    await incidentTriggered(t.db, fx.incident.id, T0);
    await runTick(t.db, T0);
    const [req] = requestsTo(fx.sub.endpoint);
    const payload = JSON.parse(decryptPushBody(req!.body, fx.keys));
    expect(payload).toMatchObject({ title: "A confidential incident needs you", body: "Open Baton to see it." });
    expect(JSON.stringify(payload)).not.toContain("Backups");
  });

  it("410 from the push service: the subscription is deleted and the push row fails without retries, on the timeline", async () => {
    const fx = await pagedPerson({ status: 410 });
    await incidentTriggered(t.db, fx.incident.id, T0);
    await runTick(t.db, T0);
    expect(requestsTo(fx.sub.endpoint)).toHaveLength(1);
    expect(await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, fx.sub.id))).toHaveLength(0);
    const row = await pushRow(fx.incident.id);
    expect(row).toMatchObject({ state: "failed", dueAt: null });
    expect(row!.lastError).toContain("410");
    const failed = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, fx.incident.id), eq(incidentTimeline.kind, "notification_failed")));
    expect(failed.map((f) => f.message)).toEqual([expect.stringMatching(/^Push to Pat Push failed: subscription gone \(410\)/)]);
  });

  it("500 from the push service: retried later with the same row", async () => {
    const fx = await pagedPerson({ status: 500 });
    await incidentTriggered(t.db, fx.incident.id, T0);
    await runTick(t.db, T0);
    const row = await pushRow(fx.incident.id);
    expect(row).toMatchObject({ state: "pending", attempts: 1 });
    expect(row!.dueAt!.getTime()).toBeGreaterThan(T0.getTime());
    await runTick(t.db, row!.dueAt!);
    expect(requestsTo(fx.sub.endpoint)).toHaveLength(2);
    expect(await pushRow(fx.incident.id)).toMatchObject({ attempts: 2 });
  });
});
