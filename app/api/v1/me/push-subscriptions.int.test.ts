import { createECDH, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { pushSubscriptions, sessions } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { makeUser } from "@/db/test/factories";
import { setVapidKeys } from "@/lib/escalations/vapid";
import * as subscriptionsRoute from "./push-subscriptions/route";
import * as vapidRoute from "./push/vapid-public-key/route";
import * as openapiRoute from "../openapi.json/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const fx = {} as Record<"alice" | "bob" | "jane" | "aliceCookie" | "bobCookie" | "janeCookie", string>;

const browserSubscription = (endpoint = `https://fcm.googleapis.com/fcm/send/${randomBytes(12).toString("base64url")}`) => {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") } };
};
async function signIn(userId: string) {
  const token = crypto.randomUUID();
  await t.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 86_400_000) });
  return `authjs.session-token=${token}`;
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  setVapidKeys({ publicKey: "BPublicKeyForTests", privateKey: "unused", subject: "mailto:ops@baton.test" });
  const alice = await makeUser(t.db, { name: "Alice Push" });
  const bob = await makeUser(t.db, { name: "Bob Push" });
  const jane = await makeUser(t.db, { name: "Jane Stakeholder", role: "stakeholder" });
  Object.assign(fx, { alice: alice.id, bob: bob.id, jane: jane.id, aliceCookie: await signIn(alice.id), bobCookie: await signIn(bob.id), janeCookie: await signIn(jane.id) });
});
afterAll(async () => {
  setVapidKeys(undefined);
  useDbHandle(undefined);
  await t.drop();
});

type Handler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, opts: { method?: string; cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }) {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0", ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const req = new NextRequest("http://localhost:3000/api/v1/me/push-subscriptions", { method: opts.method ?? "GET", headers, body });
  const res = await handler(req, { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
const rowsOf = (userId: string) => t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));

describe("GET /api/v1/me/push/vapid-public-key", () => {
  it("needs a session, then answers the public key only", async () => {
    expect((await call(vapidRoute.GET, {})).status).toBe(401);
    const r = await call(vapidRoute.GET, { cookie: fx.aliceCookie });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ data: { publicKey: "BPublicKeyForTests" } });
  });
});

describe("POST /api/v1/me/push-subscriptions", () => {
  it("refuses an unauthenticated request and a cross-site one", async () => {
    expect((await call(subscriptionsRoute.POST, { method: "POST", body: browserSubscription() })).status).toBe(401);
    const cross = await call(subscriptionsRoute.POST, { method: "POST", cookie: fx.aliceCookie, body: browserSubscription(), headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(cross.status).toBe(403);
    expect(await rowsOf(fx.alice)).toHaveLength(0);
  });

  it.each([
    ["endpoint", { ...browserSubscription(), endpoint: "http://fcm.googleapis.com/fcm/send/x" }],
    ["endpoint", { ...browserSubscription(), endpoint: "https://127.0.0.1:8443/push" }],
    ["endpoint", { ...browserSubscription(), endpoint: "https://metadata.internal/computeMetadata" }],
    ["endpoint", { keys: browserSubscription().keys }],
    ["keys.p256dh", { ...browserSubscription(), keys: { ...browserSubscription().keys, p256dh: randomBytes(65).toString("base64url") } }],
    ["keys.p256dh", { ...browserSubscription(), keys: { auth: randomBytes(16).toString("base64url") } }],
    ["keys.auth", { ...browserSubscription(), keys: { ...browserSubscription().keys, auth: randomBytes(8).toString("base64url") } }],
    ["keys.auth", { ...browserSubscription(), keys: { ...browserSubscription().keys, auth: "not base64!" } }],
    ["keys", { endpoint: browserSubscription().endpoint }],
  ])("a body with a bad %s is a 400 naming it", async (field, body) => {
    const r = await call(subscriptionsRoute.POST, { method: "POST", cookie: fx.aliceCookie, body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid");
    expect(r.json.error.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it("a body that isn't JSON is a 400 naming the body", async () => {
    const r = await call(subscriptionsRoute.POST, { method: "POST", cookie: fx.aliceCookie, rawBody: "{endpoint:" });
    expect(r.status).toBe(400);
    expect(r.json.error.issues[0].path).toBe("body");
  });

  it("registers the browser for the signed-in person and upserts by endpoint", async () => {
    const sub = browserSubscription();
    const r = await call(subscriptionsRoute.POST, { method: "POST", cookie: fx.aliceCookie, body: sub });
    expect(r.status).toBe(201);
    expect(r.json.data).toMatchObject({ service: "fcm.googleapis.com", userAgent: expect.stringContaining("Chrome/156"), lastSuccessAt: null });
    expect(JSON.stringify(r.json)).not.toContain(sub.keys.auth);
    // The browser rotated its keys: the same endpoint is updated, not duplicated.
    const rotated = { ...sub, keys: browserSubscription().keys };
    const again = await call(subscriptionsRoute.POST, { method: "POST", cookie: fx.aliceCookie, body: rotated });
    expect(again.json.data.id).toBe(r.json.data.id);
    const rows = await rowsOf(fx.alice);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ endpoint: sub.endpoint, p256dh: rotated.keys.p256dh, auth: rotated.keys.auth });
  });

  it("a stakeholder isn't paged, so can't register a device", async () => {
    const r = await call(subscriptionsRoute.POST, { method: "POST", cookie: fx.janeCookie, body: browserSubscription() });
    expect(r.status).toBe(403);
    expect(await rowsOf(fx.jane)).toHaveLength(0);
  });
});

describe("DELETE /api/v1/me/push-subscriptions", () => {
  it("refuses an unauthenticated request, and a body without an endpoint", async () => {
    expect((await call(subscriptionsRoute.DELETE, { method: "DELETE", body: { endpoint: "https://fcm.googleapis.com/x" } })).status).toBe(401);
    const bad = await call(subscriptionsRoute.DELETE, { method: "DELETE", cookie: fx.bobCookie, body: {} });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("endpoint");
  });

  it("can't delete someone else's subscription: not found, and it stays", async () => {
    const bobs = browserSubscription();
    expect((await call(subscriptionsRoute.POST, { method: "POST", cookie: fx.bobCookie, body: bobs })).status).toBe(201);
    const r = await call(subscriptionsRoute.DELETE, { method: "DELETE", cookie: fx.aliceCookie, body: { endpoint: bobs.endpoint } });
    expect(r.status).toBe(404);
    expect((await rowsOf(fx.bob)).map((s) => s.endpoint)).toEqual([bobs.endpoint]);

    const own = await call(subscriptionsRoute.DELETE, { method: "DELETE", cookie: fx.bobCookie, body: { endpoint: bobs.endpoint } });
    expect(own.status).toBe(204);
    expect(await rowsOf(fx.bob)).toHaveLength(0);
  });
});

describe("OpenAPI", () => {
  it("documents the push routes on the session cookie", async () => {
    const doc = await (await openapiRoute.GET(new NextRequest("http://localhost:3000/api/v1/openapi.json"))).json();
    expect(doc.paths["/api/v1/me/push/vapid-public-key"].get.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths["/api/v1/me/push-subscriptions"].post.requestBody).toBeTruthy();
    expect(doc.paths["/api/v1/me/push-subscriptions"].delete.responses["204"]).toBeTruthy();
  });
});
