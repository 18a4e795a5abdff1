import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { apiTokens, auditLog } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeUser } from "@/db/test/factories";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { authenticateToken } from "./authenticate-token";
import { createToken } from "./create-token";
import { revokeToken } from "./revoke-token";
import { hashApiToken } from "./token-secret";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("API tokens", () => {
  it("stores only the prefix and the SHA-256, authenticates, tracks last use and revokes", async () => {
    const alice = await makeUser(t.db, { role: "engineer" });
    const ctx = await ctxFor(t.db, alice.id);
    const { token, record } = await createToken({ ctx, input: { name: "grafana" } });
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, record.id));
    expect(row!.prefix).toHaveLength(8);
    expect(row!.hash).toBe(hashApiToken(token));
    const secret = token.slice(`baton_${row!.prefix}_`.length);
    expect(secret.length).toBe(43);
    expect(JSON.stringify(row)).not.toContain(secret);

    const at = new Date("2026-11-23T12:00:00Z");
    const viewer = await authenticateToken(t.db, `Bearer ${token}`, at);
    expect(viewer).toMatchObject({ userId: alice.id, role: "engineer", via: "token" });
    expect((await t.db.select().from(apiTokens).where(eq(apiTokens.id, record.id)))[0]!.lastUsedAt?.toISOString()).toBe(at.toISOString());

    expect(await authenticateToken(t.db, `Bearer ${token}x`, at)).toBeNull();
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await authenticateToken(t.db, `Bearer ${flipped}`, at)).toBeNull();
    expect(await authenticateToken(t.db, token, at)).toBeNull();
    expect(await authenticateToken(t.db, null, at)).toBeNull();

    await revokeToken({ ctx, input: { tokenId: record.id } });
    expect(await authenticateToken(t.db, `Bearer ${token}`, at)).toBeNull();
    await expect(revokeToken({ ctx, input: { tokenId: record.id } })).rejects.toBeInstanceOf(NotFoundError);

    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, record.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["token.create", "token.revoke"]);
  });

  it("a disabled person's token stops working", async () => {
    const bob = await makeUser(t.db, { role: "engineer" });
    const { token } = await createToken({ ctx: await ctxFor(t.db, bob.id), input: { name: "script" } });
    const admin = await makeUser(t.db, { role: "admin" });
    const { setUserDisabled } = await import("@/lib/users/set-user-disabled");
    await setUserDisabled({ ctx: await ctxFor(t.db, admin.id), input: { userId: bob.id, disabled: true } });
    expect(await authenticateToken(t.db, `Bearer ${token}`, new Date())).toBeNull();
  });

  it("only admins issue tokens for someone else, and nobody revokes another's token without that right", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const eng = await makeUser(t.db, { role: "engineer" });
    await expect(createToken({ ctx: await ctxFor(t.db, mgr.id), input: { name: "x", userId: eng.id } })).rejects.toBeInstanceOf(ForbiddenError);
    const { record } = await createToken({ ctx: await ctxFor(t.db, eng.id), input: { name: "mine" } });
    await expect(revokeToken({ ctx: await ctxFor(t.db, mgr.id), input: { tokenId: record.id } })).rejects.toBeInstanceOf(NotFoundError);
    const admin = await makeUser(t.db, { role: "admin" });
    await expect(revokeToken({ ctx: await ctxFor(t.db, admin.id), input: { tokenId: record.id } })).resolves.toMatchObject({ id: record.id });
  });
});
