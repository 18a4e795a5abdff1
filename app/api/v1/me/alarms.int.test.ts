import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { and, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { incidents, incidentTimeline, notifications, sessions } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import * as alarmsRoute from "./alarms/route";
import * as deliveredRoute from "./alarms/delivered/route";
import * as readRoute from "./alarms/[notificationId]/read/route";
import * as openapiRoute from "../openapi.json/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = new Date(Date.now() - 60_000);
const fx = {} as Record<"alice" | "bob" | "aliceCookie" | "bobCookie" | "incident" | "secret" | "acked" | "aliceRow" | "aliceRow2" | "bobRow" | "secretRow" | "ackedRow", string>;

async function page(incidentId: string, userId: string, channel: "in_app" | "email", repeat = 0) {
  const [n] = await t.db
    .insert(notifications)
    .values({ incidentId, level: 0, repeat, recipient: userId, userId, channel, state: "sent", createdAt: T0, sentAt: T0 })
    .returning();
  return n!.id;
}
async function signIn(userId: string) {
  const token = crypto.randomUUID();
  await t.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 86_400_000) });
  return `authjs.session-token=${token}`;
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  const alice = await makeUser(t.db, { name: "Alice Alarm" });
  const bob = await makeUser(t.db, { name: "Bob Alarm" });
  const team = await makeTeam(t.db, [{ userId: alice.id }, { userId: bob.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
  const incident = await makeIncident(t.db, service, { at: T0, title: "PMS database down" });
  const secret = await makeIncident(t.db, service, { at: T0, title: "Mailbox of the CFO exfiltrated", confidential: true });
  const acked = await makeIncident(t.db, service, { at: T0, title: "Already taken" });
  await t.db.update(incidents).set({ status: "acknowledged", acknowledgedAt: T0, acknowledgedBy: bob.id }).where(eq(incidents.id, acked.id));
  Object.assign(fx, {
    alice: alice.id,
    bob: bob.id,
    incident: incident.id,
    secret: secret.id,
    acked: acked.id,
    aliceRow: await page(incident.id, alice.id, "in_app"),
    aliceRow2: await page(incident.id, alice.id, "in_app", 1),
    bobRow: await page(incident.id, bob.id, "in_app"),
    secretRow: await page(secret.id, alice.id, "in_app"),
    ackedRow: await page(acked.id, alice.id, "in_app"),
    aliceCookie: await signIn(alice.id),
    bobCookie: await signIn(bob.id),
  });
  await page(incident.id, alice.id, "email"); // not an alarm: another channel
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

type Handler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, opts: { method?: string; cookie?: string; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> }) {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  const req = new NextRequest("http://localhost:3000/api/v1/me/alarms", { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
const stateOf = async (id: string) => (await t.db.select({ state: notifications.state }).from(notifications).where(eq(notifications.id, id)))[0]!.state;

describe("GET /api/v1/me/alarms", () => {
  it("refuses a request without a session (and a bearer-less forged cookie)", async () => {
    expect((await call(alarmsRoute.GET, {})).status).toBe(401);
    const forged = await call(alarmsRoute.GET, { cookie: "authjs.session-token=not-a-session" });
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe("unauthorized");
  });

  it("lists the viewer's unread in-app pages, one per triggered incident; a confidential one without details", async () => {
    const r = await call(alarmsRoute.GET, { cookie: fx.aliceCookie });
    expect(r.status).toBe(200);
    expect(r.json.nextCursor).toBeNull();
    const byIncident = Object.fromEntries(r.json.data.map((a: { incidentId: string }) => [a.incidentId, a]));
    expect(Object.keys(byIncident).sort()).toEqual([fx.incident, fx.secret].sort());
    expect(byIncident[fx.incident]).toMatchObject({ title: "PMS database down", priority: "high", confidential: false, state: "sent" });
    expect(byIncident[fx.incident].notificationIds.sort()).toEqual([fx.aliceRow, fx.aliceRow2].sort());
    expect(byIncident[fx.secret]).toMatchObject({ confidential: true, title: null, priority: null, client: null, service: null });
    expect(JSON.stringify(byIncident[fx.secret])).not.toContain("CFO");
  });
});

describe("POST /api/v1/me/alarms/delivered", () => {
  it("marks only the viewer's own rows delivered; another person's id is left alone", async () => {
    const r = await call(deliveredRoute.POST, { method: "POST", cookie: fx.aliceCookie, body: { ids: [fx.aliceRow, fx.bobRow] } });
    expect(r.status).toBe(200);
    expect(r.json.data.delivered).toEqual([fx.aliceRow]);
    expect(await stateOf(fx.aliceRow)).toBe("delivered");
    expect(await stateOf(fx.bobRow)).toBe("sent");
    const rows = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, fx.incident), eq(incidentTimeline.kind, "delivered")));
    expect(rows.map((x) => x.message)).toEqual(["In-app alarm showing for Alice Alarm"]);
  });

  it("refuses an unauthenticated request, a cross-site one, and a body without ids", async () => {
    expect((await call(deliveredRoute.POST, { method: "POST", body: { ids: [fx.bobRow] } })).status).toBe(401);
    const cross = await call(deliveredRoute.POST, { method: "POST", cookie: fx.bobCookie, body: { ids: [fx.bobRow] }, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(cross.status).toBe(403);
    expect(await stateOf(fx.bobRow)).toBe("sent");
    const bad = await call(deliveredRoute.POST, { method: "POST", cookie: fx.aliceCookie, body: { ids: [] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("ids");
  });
});

describe("POST /api/v1/me/alarms/{notificationId}/read", () => {
  it("refuses an unauthenticated request", async () => {
    expect((await call(readRoute.POST, { method: "POST", params: { notificationId: fx.bobRow } })).status).toBe(401);
  });

  it("a person can't mark another person's notification read: not found, and nothing changes", async () => {
    const r = await call(readRoute.POST, { method: "POST", cookie: fx.aliceCookie, params: { notificationId: fx.bobRow } });
    expect(r.status).toBe(404);
    expect(await stateOf(fx.bobRow)).toBe("sent");
    const [inc] = await t.db.select({ firstReadAt: incidents.firstReadAt }).from(incidents).where(eq(incidents.id, fx.incident));
    expect(inc!.firstReadAt).toBeNull();
  });

  it("reads every page of the viewer's for the incident; the alarm stops; others' pages stay unread", async () => {
    const r = await call(readRoute.POST, { method: "POST", cookie: fx.aliceCookie, params: { notificationId: fx.aliceRow2 } });
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ incidentId: fx.incident, changed: true });
    expect(await stateOf(fx.aliceRow)).toBe("read");
    expect(await stateOf(fx.aliceRow2)).toBe("read");
    expect(await stateOf(fx.bobRow)).toBe("sent");
    const left = await call(alarmsRoute.GET, { cookie: fx.aliceCookie });
    expect(left.json.data.map((a: { incidentId: string }) => a.incidentId)).toEqual([fx.secret]);
    const again = await call(readRoute.POST, { method: "POST", cookie: fx.aliceCookie, params: { notificationId: fx.aliceRow } });
    expect(again.json.data.changed).toBe(false);
  });
});

describe("OpenAPI", () => {
  it("documents the three routes with the session cookie as their security", async () => {
    const res = await openapiRoute.GET(new NextRequest("http://localhost:3000/api/v1/openapi.json"));
    const doc = await res.json();
    expect(doc.paths["/api/v1/me/alarms"].get.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths["/api/v1/me/alarms/delivered"].post.requestBody).toBeTruthy();
    expect(doc.paths["/api/v1/me/alarms/{notificationId}/read"].post.parameters[0].name).toBe("notificationId");
    expect(doc.components.securitySchemes.sessionCookie.in).toBe("cookie");
  });
});
