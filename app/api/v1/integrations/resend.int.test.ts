import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { alertEvents, alerts } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { makeAlwaysOpenService, NAGIOS_EMAIL_RULES } from "@/db/test/factories";
import { resendStandIn } from "@/db/test/resend-stand-in";
import { resetEnvCache } from "@/lib/env";
import * as resendRoute from "./resend/route";

// Resend's side, at its HTTP boundary: the Received emails API answers from this table.
const RECEIVED: Record<string, { status: number; body: unknown }> = {
  em_problem: { status: 200, body: { object: "email", id: "em_problem", to: [], from: "nagios@acme.example", created_at: "2026-11-24T03:12:00Z", subject: "** PROBLEM Service Alert: web01/HTTP is CRITICAL **", html: null, text: "HTTP CRITICAL - connection refused", headers: {}, message_id: "<p1@acme>", attachments: [] } },
  em_recovery: { status: 200, body: { object: "email", id: "em_recovery", to: [], from: "nagios@acme.example", created_at: "2026-11-24T03:20:00Z", subject: "** RECOVERY Service Alert: web01/HTTP is OK **", html: "<p>HTTP OK</p>", text: null, headers: {}, message_id: "<r1@acme>", attachments: [] } },
  em_broken: { status: 500, body: { name: "application_error", message: "boom", statusCode: 500 } },
  em_gone: { status: 404, body: { name: "not_found", message: "Email not found", statusCode: 404 } },
};
const standIn = resendStandIn([], ({ method, path }) => {
  const m = /^\/emails\/receiving\/([^/?]+)/.exec(path);
  return method === "GET" && m ? (RECEIVED[m[1]!] ?? { status: 404, body: { name: "not_found", message: "Email not found", statusCode: 404 } }) : undefined;
});

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let key: string;
let serviceId: string;
const saved = { ...process.env };

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  ({ key, service: { id: serviceId } } = await makeAlwaysOpenService(t.db, { emailRules: NAGIOS_EMAIL_RULES }));
  Object.assign(process.env, { RESEND_WEBHOOK_SECRET: SECRET, RESEND_API_KEY: "re_test_inbound", RESEND_BASE_URL: await standIn.start() });
  resetEnvCache();
});
afterAll(async () => {
  for (const name of ["RESEND_WEBHOOK_SECRET", "RESEND_API_KEY", "RESEND_BASE_URL"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetEnvCache();
  await standIn.stop();
  useDbHandle(undefined);
  await t.drop();
});

/** Signs like Resend (Standard Webhooks / Svix: HMAC-SHA256 of "id.timestamp.body" with the secret's bytes). */
function signed(body: string, secret = SECRET, at = Date.now()) {
  const id = `msg_${randomBytes(6).toString("hex")}`;
  const timestamp = String(Math.floor(at / 1000));
  const signature = createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64")).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` };
}

async function deliver(event: unknown, opts: { headers?: Record<string, string> } = {}) {
  const body = JSON.stringify(event);
  const headers = { "content-type": "application/json", ...(opts.headers ?? signed(body)) };
  const res = await resendRoute.POST(new Request("http://localhost:3000/api/v1/integrations/resend", { method: "POST", headers, body }));
  return { status: res.status, headers: res.headers, json: await res.json() };
}
const received = (emailId: string, to: string[], extra: Record<string, unknown> = {}) => ({
  type: "email.received",
  created_at: "2026-11-24T03:12:01Z",
  data: { email_id: emailId, created_at: "2026-11-24T03:12:00Z", from: "nagios@acme.example", to, cc: [], bcc: [], received_for: [], message_id: "<p1@acme>", subject: "(metadata)", attachments: [], ...extra },
});
const eventCount = async () => (await t.db.select({ n: count() }).from(alertEvents).where(eq(alertEvents.serviceId, serviceId)))[0]!.n;

describe("POST /api/v1/integrations/resend (Resend inbound)", () => {
  it("a mail to <routing key>@… is fetched from Resend and goes through the service's email rules: a problem triggers, the recovery resolves", async () => {
    const problem = await deliver(received("em_problem", [`Acme Servers <${key}@alerts.example.com>`]));
    expect(problem.status).toBe(202);
    expect(problem.json.data).toMatchObject({ outcome: "created", dedupKey: "web01/HTTP" });
    const fetched = standIn.requests.find((r) => r.path === "/emails/receiving/em_problem")!;
    expect(fetched.method).toBe("GET");
    expect(fetched.headers.authorization).toBe("Bearer re_test_inbound");
    const alert = (await t.db.select().from(alerts).where(eq(alerts.dedupKey, "web01/HTTP")))[0]!;
    expect(alert).toMatchObject({ source: "email", summary: "** PROBLEM Service Alert: web01/HTTP is CRITICAL **", status: "triggered" });

    // Plus-addressing works too, and an HTML-only body is read as text.
    const recovery = await deliver(received("em_recovery", [], { received_for: [`alerts+${key}@alerts.example.com`] }));
    expect(recovery.json.data).toMatchObject({ outcome: "resolved", dedupKey: "web01/HTTP" });
    expect((await t.db.select().from(alerts).where(eq(alerts.id, alert.id)))[0]!.status).toBe("resolved");
  });

  it("refuses a delivery whose signature does not verify, or is stale, and writes nothing", async () => {
    const before = await eventCount();
    const event = received("em_problem", [`${key}@alerts.example.com`]);
    const body = JSON.stringify(event);
    for (const headers of [signed(body, `whsec_${randomBytes(24).toString("base64")}`), signed(body, SECRET, Date.now() - 10 * 60_000), {}]) {
      const res = await deliver(event, { headers });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
    }
    expect(await eventCount()).toBe(before);
  });

  it("answers 2xx without writing for other events and for mail no integration key routes", async () => {
    const before = await eventCount();
    const delivered = await deliver({ type: "email.delivered", created_at: "2026-11-24T03:12:01Z", data: { email_id: "x" } });
    expect(delivered.status).toBe(200);
    expect(delivered.json.data.outcome).toBe("ignored");
    const unrouted = await deliver(received("em_problem", ["ops@alerts.example.com", `${"z".repeat(32)}@alerts.example.com`]));
    expect(unrouted.status).toBe(202);
    expect(unrouted.json.data.outcome).toBe("unrouted");
    expect(await eventCount()).toBe(before);
  });

  it("a bad event is a 400 naming the field; Resend's own failure is a 503 it will retry", async () => {
    const before = await eventCount();
    const missing = await deliver({ type: "email.received", data: { to: [`${key}@alerts.example.com`] } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues[0].path).toBe("data.email_id");
    const gone = await deliver(received("em_gone", [`${key}@alerts.example.com`]));
    expect(gone.status).toBe(400);
    expect(gone.json.error.issues[0]).toEqual({ path: "data.email_id", message: "Resend has no received email with this id" });
    const broken = await deliver(received("em_broken", [`${key}@alerts.example.com`]));
    expect(broken.status).toBe(503);
    expect(broken.headers.get("retry-after")).toBe("5");
    expect(await eventCount()).toBe(before);
  });

  it("is not there until RESEND_WEBHOOK_SECRET is set", async () => {
    delete process.env.RESEND_WEBHOOK_SECRET;
    resetEnvCache();
    try {
      const res = await deliver(received("em_problem", [`${key}@alerts.example.com`]));
      expect(res.status).toBe(404);
    } finally {
      process.env.RESEND_WEBHOOK_SECRET = SECRET;
      resetEnvCache();
    }
  });
});
