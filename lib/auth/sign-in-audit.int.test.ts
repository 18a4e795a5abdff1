import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";

import { auditLog } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { createTestDatabase } from "@/db/test/test-database";
import { authAuditEvents } from "./audit-events";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const auditOf = async (action: string, userId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, userId)));

describe("sign-in and sign-out in the audit log", () => {
  it("records the address the request came from (the first X-Forwarded-For hop) and its request id", async () => {
    const u = await makeUser(t.db, { role: "engineer" });
    const req = new Request("http://localhost:3000/api/auth/callback/nodemailer", { headers: { "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-request-id": "req-sign-in-0001" } });
    const events = authAuditEvents(t.db, req);
    await events.signIn!({ user: { id: u.id, email: u.email }, account: { provider: "nodemailer", type: "email", providerAccountId: u.email } } as never);
    const [row] = await auditOf("auth.sign_in", u.id);
    expect(row).toMatchObject({ ip: "203.0.113.7", requestId: "req-sign-in-0001", details: { provider: "nodemailer" } });

    await events.signOut!({ session: { userId: u.id } } as never);
    expect((await auditOf("auth.sign_out", u.id))[0]).toMatchObject({ ip: "203.0.113.7" });
  });

  it("outside any request (a script, a test) the address is unknown rather than made up", async () => {
    const u = await makeUser(t.db, { role: "engineer" });
    const events = authAuditEvents(t.db, undefined);
    await events.signIn!({ user: { id: u.id, email: u.email }, account: { provider: "nodemailer", type: "email", providerAccountId: u.email } } as never);
    const [row] = await auditOf("auth.sign_in", u.id);
    expect(row!.ip).toBeNull();
    expect(row!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
