import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import webpush from "web-push";
import { pushSubscriptions } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { browserPushKeys, decryptPushBody, pushServiceStandIn, readVapidAuthorization } from "@/db/test/push-service-stand-in";
import { createTestDatabase } from "@/db/test/test-database";
import { setVapidKeys } from "../vapid";
import { sendPush, type PushMessage } from "./push";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const pushService = pushServiceStandIn();
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:oncall@baton.test" };
const NOW = new Date("2026-11-23T07:00:00Z");
const message: PushMessage = { title: "HIGH · Acme Dental", body: "#12 PMS database down", url: "/n/abc.def", tag: "incident-1234", notificationId: "n-1" };

async function subscribe(userId: string, status?: number) {
  const keys = browserPushKeys();
  const endpoint = `${pushService.origin}/${status ? `status-${status}` : "ok"}/${crypto.randomUUID()}`;
  const [row] = await t.db.insert(pushSubscriptions).values({ userId, endpoint, p256dh: keys.p256dh, auth: keys.authB64, userAgent: "test" }).returning();
  return { row: row!, keys };
}
const subscriptionById = async (id: string) => (await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, id)))[0];

beforeAll(async () => {
  t = await createTestDatabase();
  setVapidKeys(vapid);
  await pushService.start();
});
afterAll(async () => {
  setVapidKeys(undefined);
  await pushService.stop();
  await t.drop();
});
beforeEach(() => {
  pushService.requests.length = 0;
});

describe("sendPush against a push service stand-in", () => {
  it("POSTs an aes128gcm-encrypted, VAPID-signed, high-urgency message that the subscription's private key decrypts", async () => {
    const alice = await makeUser(t.db);
    const { row, keys } = await subscribe(alice.id);
    const before = Math.floor(Date.now() / 1000);

    const out = await sendPush(t.db, alice.id, message, NOW);

    expect(out).toEqual({ delivered: 1, failed: [] });
    expect(pushService.requests).toHaveLength(1);
    const req = pushService.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe(new URL(row.endpoint).pathname);
    expect(Number(req.headers.ttl)).toBeGreaterThan(0);
    expect(req.headers["content-encoding"]).toBe("aes128gcm");
    expect(req.headers["content-type"]).toBe("application/octet-stream");
    expect(req.headers.urgency).toBe("high");
    expect(req.headers.topic).toBe("incident-1234");
    expect(req.body.length).toBeGreaterThan(86); // header (86 bytes) + ciphertext + tag

    const auth = readVapidAuthorization(req.headers.authorization as string);
    expect(auth.header).toMatchObject({ typ: "JWT", alg: "ES256" });
    expect(auth.publicKey).toBe(vapid.publicKey);
    expect(auth.claims.aud).toBe(pushService.origin);
    expect(auth.claims.sub).toBe("mailto:oncall@baton.test");
    expect(auth.claims.exp).toBeGreaterThan(before);
    expect(auth.claims.exp).toBeLessThanOrEqual(before + 24 * 3600 + 5); // RFC 8292: at most 24 h ahead
    expect(auth.verified).toBe(true);

    // Nobody without the subscription's private key reads it; with it, it is exactly the message.
    expect(req.body.includes(Buffer.from("PMS database"))).toBe(false);
    expect(() => decryptPushBody(req.body, browserPushKeys())).toThrow();
    expect(JSON.parse(decryptPushBody(req.body, keys))).toEqual(message);

    expect((await subscriptionById(row.id))!.lastSuccessAt).toEqual(NOW);
  });

  it("sends to every device of the person's, and to nobody else's", async () => {
    const bob = await makeUser(t.db);
    const carol = await makeUser(t.db);
    const phone = await subscribe(bob.id);
    const laptop = await subscribe(bob.id);
    await subscribe(carol.id);
    const out = await sendPush(t.db, bob.id, message, NOW);
    expect(out.delivered).toBe(2);
    expect(pushService.requests.map((r) => r.path).sort()).toEqual([new URL(phone.row.endpoint).pathname, new URL(laptop.row.endpoint).pathname].sort());
    expect(JSON.parse(decryptPushBody(pushService.requests.find((r) => phone.row.endpoint.endsWith(r.path))!.body, phone.keys)).notificationId).toBe("n-1");
  });

  it.each([410, 404])("%i: the subscription is gone, so it is deleted and not retried", async (status) => {
    const dave = await makeUser(t.db);
    const { row } = await subscribe(dave.id, status);
    const out = await sendPush(t.db, dave.id, message, NOW);
    expect(out.delivered).toBe(0);
    expect(out.failed).toEqual([{ endpoint: row.endpoint, reason: `subscription gone (${status})`, retryable: false }]);
    expect(await subscriptionById(row.id)).toBeUndefined();
  });

  it.each([500, 503, 429])("%i: reported retryable; the subscription stays, with the failure noted", async (status) => {
    const erin = await makeUser(t.db);
    const { row } = await subscribe(erin.id, status);
    const out = await sendPush(t.db, erin.id, message, NOW);
    expect(out.delivered).toBe(0);
    expect(out.failed).toEqual([{ endpoint: row.endpoint, reason: `push service answered ${status}`, retryable: true }]);
    const after = await subscriptionById(row.id);
    expect(after).toMatchObject({ lastFailureAt: NOW, lastSuccessAt: null });
  });

  it("400 (a malformed request) is not retried, and the subscription is kept", async () => {
    const frank = await makeUser(t.db);
    const { row } = await subscribe(frank.id, 400);
    const out = await sendPush(t.db, frank.id, message, NOW);
    expect(out.failed[0]).toMatchObject({ retryable: false });
    expect(await subscriptionById(row.id)).toBeDefined();
  });

  it("one device gone and one fine: delivered to the fine one, the gone one removed", async () => {
    const gina = await makeUser(t.db);
    const ok = await subscribe(gina.id);
    const gone = await subscribe(gina.id, 410);
    const out = await sendPush(t.db, gina.id, message, NOW);
    expect(out.delivered).toBe(1);
    expect(out.failed).toHaveLength(1);
    expect(await subscriptionById(gone.row.id)).toBeUndefined();
    expect((await subscriptionById(ok.row.id))!.lastSuccessAt).toEqual(NOW);
  });

  it("an unreachable push service is retryable", async () => {
    const hank = await makeUser(t.db);
    const keys = browserPushKeys();
    await t.db.insert(pushSubscriptions).values({ userId: hank.id, endpoint: "https://127.0.0.1:9/nobody-listens", p256dh: keys.p256dh, auth: keys.authB64 });
    const out = await sendPush(t.db, hank.id, message, NOW);
    expect(out.failed[0]).toMatchObject({ retryable: true, reason: expect.stringMatching(/^push service unreachable/) });
  });
});
