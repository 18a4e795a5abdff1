import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

const KEYS = ["INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

/** The route as Next would load it with this environment (the client reads INNGEST_* when created). */
async function loadRoute(env: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, env);
  vi.resetModules();
  return import("./route");
}

async function call(handler: (req: NextRequest, ctx: unknown) => Promise<Response>, method: string, body?: unknown) {
  const req = new NextRequest("http://localhost:3000/api/inngest", { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await handler(req, { params: Promise.resolve({}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  vi.resetModules();
});

describe("/api/inngest", () => {
  it("answers introspection in dev mode (INNGEST_DEV=1) with every function", async () => {
    const route = await loadRoute({ INNGEST_DEV: "1" });
    const { status, json } = await call(route.GET as never, "GET");
    expect(status).toBe(200);
    expect(json).toMatchObject({ function_count: 6, mode: "dev" });
  });

  it("refuses without a signing key outside dev mode, and refuses unsigned calls when one is set", async () => {
    const bare = await loadRoute({});
    const get = await call(bare.GET as never, "GET");
    expect(get.status).toBe(500);
    // The SDK logs why (no signing key) and tells the caller nothing more.
    expect(get.json).toEqual({ code: "internal_server_error" });
    const post = await call(bare.POST as never, "POST", { event: {}, steps: {} });
    expect(post.status).toBeGreaterThanOrEqual(400);

    const cloud = await loadRoute({ INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", INNGEST_EVENT_KEY: "test-event-key" });
    const introspection = await call(cloud.GET as never, "GET");
    // With a signing key, unsigned requests are turned away.
    expect(introspection.status).toBe(401);
    expect(introspection.json).not.toHaveProperty("functions");
    const unsigned = await call(cloud.POST as never, "POST", { event: {}, steps: {} });
    expect(unsigned.status).toBe(401);
  });
});
