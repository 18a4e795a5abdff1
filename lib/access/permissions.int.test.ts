import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, ROLES, type Role } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeTeam, makeUser } from "@/db/test/factories";
import { requirePermission } from "./check";
import { PERMISSIONS, type Permission } from "./permissions";
import { listClients, getClient } from "@/lib/clients/read-clients";
import { listTeams, getTeam } from "@/lib/teams/read-teams";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

/** The whole matrix, written out: a change to the role table must change this table too. */
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  "teams:read": { admin: true, manager: true, engineer: true, stakeholder: false },
  "teams:manage": { admin: true, manager: true, engineer: false, stakeholder: false },
  "clients:read": { admin: true, manager: true, engineer: true, stakeholder: true },
  "clients:manage": { admin: true, manager: true, engineer: false, stakeholder: false },
  "users:read": { admin: true, manager: true, engineer: true, stakeholder: false },
  "users:manage": { admin: true, manager: true, engineer: false, stakeholder: false },
  "users:grant-admin": { admin: true, manager: false, engineer: false, stakeholder: false },
  "tokens:own": { admin: true, manager: true, engineer: true, stakeholder: true },
  "tokens:manage-any": { admin: true, manager: false, engineer: false, stakeholder: false },
  "audit:read": { admin: true, manager: false, engineer: false, stakeholder: false },
  "profile:edit": { admin: true, manager: true, engineer: true, stakeholder: true },
  "schedules:read": { admin: true, manager: true, engineer: true, stakeholder: false },
  "schedules:manage": { admin: true, manager: true, engineer: false, stakeholder: false },
  "swaps:request": { admin: true, manager: true, engineer: true, stakeholder: false },
  "swaps:approve": { admin: true, manager: true, engineer: false, stakeholder: false },
  "timeoff:manage": { admin: true, manager: true, engineer: false, stakeholder: false },
  "services:read": { admin: true, manager: true, engineer: true, stakeholder: false },
  "services:manage": { admin: true, manager: true, engineer: false, stakeholder: false },
  "maintenance:manage": { admin: true, manager: true, engineer: true, stakeholder: false },
  "incidents:read": { admin: true, manager: true, engineer: true, stakeholder: true },
  "incidents:read-internal": { admin: true, manager: true, engineer: true, stakeholder: false },
  "incidents:respond": { admin: true, manager: true, engineer: true, stakeholder: false },
  "incidents:manage": { admin: true, manager: true, engineer: false, stakeholder: false },
  "incidents:break-glass": { admin: true, manager: false, engineer: false, stakeholder: false },
  "escalation_policies:read": { admin: true, manager: true, engineer: true, stakeholder: false },
  "escalation_policies:write": { admin: true, manager: true, engineer: false, stakeholder: false },
  "reports:read": { admin: true, manager: true, engineer: true, stakeholder: true },
  "reports:read-load": { admin: true, manager: true, engineer: true, stakeholder: false },
};

describe("every permission for every role", () => {
  it("the expectation table covers every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  const cases = PERMISSIONS.flatMap((permission) => ROLES.map((role) => ({ permission, role, allowed: EXPECTED[permission][role] })));
  it.each(cases)("$role → $permission: $allowed", async ({ permission, role, allowed }) => {
    const user = await makeUser(t.db, { role });
    const ctx = await ctxFor(t.db, user.id);
    if (allowed) {
      await expect(requirePermission(ctx, permission)).resolves.toBeUndefined();
    } else {
      await expect(requirePermission(ctx, permission)).rejects.toBeInstanceOf(ForbiddenError);
      const denials = await t.db.select().from(auditLog).where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, "access.denied")));
      expect(denials).toHaveLength(1);
      expect(denials[0]!.details).toMatchObject({ permission });
      expect(denials[0]!.ip).toBe("203.0.113.7");
    }
  });
});

describe("scope", () => {
  it("a stakeholder sees only their clients; another client is not found", async () => {
    const jane = await makeUser(t.db, { role: "stakeholder" });
    const mine = await makeClient(t.db, { stakeholderIds: [jane.id] });
    const other = await makeClient(t.db);
    const ctx = await ctxFor(t.db, jane.id);
    const page = await listClients(ctx, { limit: 200 });
    expect(page.data.map((c) => c.id)).toEqual([mine.id]);
    expect((await getClient(ctx, mine.id)).teams).toEqual([]);
    await expect(getClient(ctx, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTeams(ctx, { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an engineer sees their teams and the clients those teams serve", async () => {
    const eng = await makeUser(t.db, { role: "engineer" });
    const team = await makeTeam(t.db, [{ userId: eng.id }]);
    const otherTeam = await makeTeam(t.db);
    const served = await makeClient(t.db, { teamIds: [team.id] });
    const notServed = await makeClient(t.db, { teamIds: [otherTeam.id] });
    const ctx = await ctxFor(t.db, eng.id);
    expect((await listTeams(ctx, { limit: 200 })).data.map((x) => x.id)).toEqual([team.id]);
    await expect(getTeam(ctx, otherTeam.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listClients(ctx, { limit: 200 })).data.map((c) => c.id)).toEqual([served.id]);
    await expect(getClient(ctx, notServed.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a manager sees every team and client", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const team = await makeTeam(t.db);
    const client = await makeClient(t.db);
    const ctx = await ctxFor(t.db, mgr.id);
    expect((await listTeams(ctx, { limit: 200 })).data.map((x) => x.id)).toContain(team.id);
    expect((await listClients(ctx, { limit: 200 })).data.map((c) => c.id)).toContain(client.id);
  });
});
