import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { incidents, notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { signActionToken } from "@/lib/escalations/action-token";
import { loadEmailActionView } from "@/lib/escalations/email-action-view";
import { readIncidentPages } from "@/lib/escalations/read-incident-pages";
import { resetEnvCache } from "@/lib/env";
import { listIncidentNotifications } from "./list-incident-notifications";
import { listIncidents } from "./read-incidents";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = new Date("2026-11-23T07:00:00Z");
let fx: Awaited<ReturnType<typeof fixture>>;

async function fixture() {
  const alice = await makeUser(t.db, { name: "Alice Paged", timeZone: "Europe/London" });
  const bob = await makeUser(t.db, { name: "Bob Browsing" });
  const outsider = await makeUser(t.db, { name: "Olga Other team" });
  const stakeholder = await makeUser(t.db, { role: "stakeholder" });
  const team = await makeTeam(t.db, [{ userId: alice.id }, { userId: bob.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [stakeholder.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
  const incident = await makeIncident(t.db, service, { at: T0, title: "PMS down" });
  const quiet = await makeIncident(t.db, service, { at: T0, title: "Answered in time" });
  await t.db.update(incidents).set({ unansweredAt: new Date(T0.getTime() + 30 * 60_000) }).where(eq(incidents.id, incident.id));
  const [inApp, email, push] = await t.db
    .insert(notifications)
    .values([
      { incidentId: incident.id, level: 0, repeat: 0, recipient: alice.id, userId: alice.id, channel: "in_app" as const, state: "sent" as const, createdAt: T0, sentAt: T0 },
      { incidentId: incident.id, level: 0, repeat: 0, recipient: alice.id, userId: alice.id, channel: "email" as const, state: "delivered" as const, createdAt: T0, sentAt: T0, deliveredAt: T0 },
      { incidentId: incident.id, level: 0, repeat: 0, recipient: alice.id, userId: alice.id, channel: "push" as const, state: "failed" as const, lastError: "no push subscription", createdAt: T0, failedAt: T0 },
      { incidentId: incident.id, kind: "failover" as const, level: -1, repeat: 0, recipient: "mailto:boss@example.com", email: "boss@example.com", channel: "email" as const, state: "delivered" as const, createdAt: T0, sentAt: T0 },
    ])
    .returning();
  return { alice, bob, outsider, stakeholder, incident, quiet, inApp: inApp!, email: email!, push: push! };
}

beforeAll(async () => {
  process.env.AUTH_SECRET = "test-secret-for-email-action-links-0123456789";
  resetEnvCache();
  t = await createTestDatabase();
  fx = await fixture();
});
afterAll(async () => t.drop());

const stateOf = async (id: string) => (await t.db.select({ state: notifications.state }).from(notifications).where(eq(notifications.id, id)))[0]!.state;

describe("an incident's notifications", () => {
  it("lists who was notified, how, and what became of it (a failure with its reason, a plain failover address)", async () => {
    const rows = await listIncidentNotifications(await ctxFor(t.db, fx.bob.id), fx.incident.id);
    expect(rows.map((r) => [r.person?.name ?? r.email, r.kind, r.level, r.channel, r.state, r.error])).toEqual([
      ["boss@example.com", "failover", -1, "email", "delivered", null],
      ["Alice Paged", "page", 0, "email", "delivered", null],
      ["Alice Paged", "page", 0, "in_app", "sent", null],
      ["Alice Paged", "page", 0, "push", "failed", "no push subscription"],
    ]);
  });

  it("has the incident's visibility: another team's engineer gets not found, a stakeholder is refused", async () => {
    await expect(listIncidentNotifications(await ctxFor(t.db, fx.outsider.id), fx.incident.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listIncidentNotifications(await ctxFor(t.db, fx.stakeholder.id), fx.incident.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("unanswered incidents", () => {
  it("the list filters on them and carries when they became unanswered", async () => {
    const page = await listIncidents(await ctxFor(t.db, fx.bob.id), { unanswered: "true", limit: 10 });
    expect(page.data.map((i) => i.id)).toEqual([fx.incident.id]);
    expect(page.data[0]!.unansweredAt).toBe("2026-11-23T07:30:00.000Z");
  });
});

describe("opening the incident in the portal", () => {
  it("someone who was not paged changes nothing (not even the first read)", async () => {
    expect(await readIncidentPages({ ctx: await ctxFor(t.db, fx.bob.id), input: { incidentId: fx.incident.id } })).toEqual({ changed: false });
    const [inc] = await t.db.select({ firstReadAt: incidents.firstReadAt }).from(incidents).where(eq(incidents.id, fx.incident.id));
    expect(inc!.firstReadAt).toBeNull();
  });

  it("another team's engineer can't read it by id", async () => {
    await expect(readIncidentPages({ ctx: await ctxFor(t.db, fx.outsider.id), input: { incidentId: fx.incident.id } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the paged person's unread pages become read", async () => {
    expect(await readIncidentPages({ ctx: await ctxFor(t.db, fx.alice.id), input: { incidentId: fx.incident.id } })).toEqual({ changed: true });
    expect(await stateOf(fx.inApp.id)).toBe("read");
    expect(await stateOf(fx.email.id)).toBe("read");
    expect(await stateOf(fx.push.id)).toBe("failed");
  });
});

describe("the email link's page", () => {
  it("shows the person and, once someone took it, who", async () => {
    const token = signActionToken(fx.email.id);
    const before = await loadEmailActionView(t.db, token);
    expect(before).toMatchObject({ personName: "Alice Paged", timeZone: "Europe/London", acknowledged: null });
    await t.db.update(incidents).set({ status: "acknowledged", acknowledgedAt: T0, acknowledgedBy: fx.bob.id }).where(eq(incidents.id, fx.incident.id));
    expect((await loadEmailActionView(t.db, token))!.acknowledged).toEqual({ at: T0, byName: "Bob Browsing", byMe: false });
    expect(await loadEmailActionView(t.db, `${fx.email.id}.${"A".repeat(43)}`)).toBeNull();
    await t.db.update(incidents).set({ status: "resolved", resolvedAt: T0 }).where(eq(incidents.id, fx.incident.id));
    expect(await loadEmailActionView(t.db, token)).toBeNull();
  });
});
