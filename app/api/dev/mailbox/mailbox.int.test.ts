import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useDbHandle } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { devMailboxOpen, resetEnvCache } from "@/lib/env";
import { GET } from "./route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const saved = { DATABASE_URL: process.env.DATABASE_URL, RESEND_API_KEY: process.env.RESEND_API_KEY, BATON_DEV_MAILBOX: process.env.BATON_DEV_MAILBOX };

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  await t.db.insert(outboxMessages).values([
    { to: "alice@baton.example", from: "baton@baton.example", subject: "Sign in to Baton", text: "link", html: "<p>link</p>" },
    { to: "bob@baton.example", from: "baton@baton.example", subject: "Sign in to Baton", text: "link", html: "<p>link</p>" },
  ]);
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
});

function setEnv(vars: Partial<Record<keyof typeof saved, string | undefined>>) {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
}

const get = (query = "") => GET(new NextRequest(`http://localhost:3000/api/dev/mailbox${query}`));

describe("GET /api/dev/mailbox: the local outbox, never a way into a real server", () => {
  it("shows a local database's outbox to anyone while no real mail transport is set", async () => {
    setEnv({ DATABASE_URL: undefined, RESEND_API_KEY: undefined, BATON_DEV_MAILBOX: undefined });
    const res = await get("?to=Alice@Baton.example");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { to: string; subject: string }[] };
    expect(body.data.map((m) => m.to)).toEqual(["alice@baton.example"]);

    setEnv({ DATABASE_URL: "postgres://baton@localhost:5432/baton" });
    expect((await get()).status).toBe(200);
  });

  it("is gone (404) once Resend is the transport", async () => {
    setEnv({ DATABASE_URL: undefined, RESEND_API_KEY: "re_test_key", BATON_DEV_MAILBOX: "1" });
    const res = await get();
    expect(res.status).toBe(404);
    expect(devMailboxOpen()).toBe(false);
  });

  it("stays closed on a database that is not local, unless BATON_DEV_MAILBOX=1 opens it", async () => {
    setEnv({ DATABASE_URL: "postgres://baton:secret@db.internal.example:5432/baton", RESEND_API_KEY: undefined, BATON_DEV_MAILBOX: undefined });
    const closed = await get("?to=alice@baton.example");
    expect(closed.status).toBe(404);
    expect(JSON.stringify(await closed.json())).not.toContain("link");

    setEnv({ BATON_DEV_MAILBOX: "1" });
    expect((await get()).status).toBe(200);
  });

  it("refuses a bad query with the field and the reason", async () => {
    setEnv({ DATABASE_URL: undefined, RESEND_API_KEY: undefined, BATON_DEV_MAILBOX: undefined });
    const res = await get("?limit=0");
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("limit");
  });
});
