import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { makeUser } from "@/db/test/factories";
import { RateLimitedError } from "@/lib/errors";
import { checkSignInRequest } from "./request-sign-in";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const now = new Date("2026-11-23T12:00:00Z");
const meta = (ip: string) => ({ ip, requestId: crypto.randomUUID() });

describe("sign-in requests", () => {
  it("only existing, enabled people get a link; the callback never leaves the site", async () => {
    const u = await makeUser(t.db, { role: "engineer" });
    const off = await makeUser(t.db, { role: "engineer", disabled: true });
    expect(await checkSignInRequest(t.db, meta("10.0.0.1"), { email: u.email.toUpperCase(), callbackUrl: "https://evil.example/" }, now)).toEqual({ send: true, email: u.email, callbackUrl: "/" });
    expect((await checkSignInRequest(t.db, meta("10.0.0.1"), { email: off.email }, now)).send).toBe(false);
    expect((await checkSignInRequest(t.db, meta("10.0.0.1"), { email: "stranger@example.org", callbackUrl: "//evil" }, now)).send).toBe(false);
    const refused = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in.refused"));
    expect(refused.map((r) => r.actorLabel).sort()).toEqual([off.email, "stranger@example.org"].sort());
  });

  it("limits emails per address (5 per 15 min by default) and lets them through after the window", async () => {
    const u = await makeUser(t.db, { role: "engineer" });
    for (let i = 0; i < 5; i++) await checkSignInRequest(t.db, meta(`10.1.0.${i}`), { email: u.email }, now);
    const err = await checkSignInRequest(t.db, meta("10.1.0.9"), { email: u.email }, now).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.retryAfterSeconds).toBe(900);
    const later = new Date(now.getTime() + 15 * 60_000 + 1);
    expect((await checkSignInRequest(t.db, meta("10.1.0.9"), { email: u.email }, later)).send).toBe(true);
  });

  it("limits emails per IP (20 per 15 min by default) across addresses", async () => {
    for (let i = 0; i < 20; i++) await checkSignInRequest(t.db, meta("10.2.0.1"), { email: `spray${i}@example.org` }, now);
    await expect(checkSignInRequest(t.db, meta("10.2.0.1"), { email: "spray-last@example.org" }, now)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(checkSignInRequest(t.db, meta("10.2.0.2"), { email: "spray-last@example.org" }, now)).resolves.toMatchObject({ send: false });
  });
});
