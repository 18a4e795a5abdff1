import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeUser } from "@/db/test/factories";
import { createClient } from "@/lib/clients/create-client";
import { deleteClient } from "@/lib/clients/delete-client";
import { updateClient } from "@/lib/clients/update-client";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { addTeamMember, removeTeamMember, setTeamLead } from "@/lib/teams/team-members";
import { updateTeam } from "@/lib/teams/update-team";
import { inviteUser } from "@/lib/users/invite-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { updateProfile } from "@/lib/users/update-profile";
import { updateUser } from "@/lib/users/update-user";
import { deleteUser } from "@/lib/users/delete-user";
import { InvalidError } from "@/lib/errors";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("the audit log", () => {
  it("records actor, action, target, client, time, IP and request id for every change", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const ctx = await ctxFor(t.db, admin.id);
    const eng = await makeUser(t.db, { role: "engineer" });
    const team = await createTeam({ ctx, input: { name: "Audited" } });
    await updateTeam({ ctx, input: { teamId: team.id, name: "Audited 2" } });
    await addTeamMember({ ctx, input: { teamId: team.id, userId: eng.id } });
    await setTeamLead({ ctx, input: { teamId: team.id, userId: eng.id, isLead: true } });
    await removeTeamMember({ ctx, input: { teamId: team.id, userId: eng.id } });
    await deleteTeam({ ctx, input: { teamId: team.id } });
    const client = await createClient({ ctx, input: { name: "Audited Client", timeZone: "Europe/London", businessHours: {} } });
    await updateClient({ ctx, input: { clientId: client.id, notes: "n", holidays: [{ date: "2026-12-25", name: "Christmas" }] } });
    await deleteClient({ ctx, input: { clientId: client.id } });
    const invited = await inviteUser({ ctx, input: { email: "audit-me@example.com", name: "Audit Me", role: "engineer", sendInvite: false } });
    await updateUser({ ctx, input: { userId: invited.id, role: "manager" } });
    await setUserDisabled({ ctx, input: { userId: invited.id, disabled: true } });
    await deleteUser({ ctx, input: { userId: invited.id } });
    await updateProfile({ ctx, input: { name: "Ada", timeZone: "Europe/London" } });

    const rows = await t.db.select().from(auditLog).where(eq(auditLog.actorId, admin.id)).orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.action)).toEqual([
      "team.create",
      "team.update",
      "team.member.add",
      "team.lead.add",
      "team.member.remove",
      "team.delete",
      "client.create",
      "client.update",
      "client.delete",
      "user.invite",
      "user.role.change",
      "user.disable",
      "user.delete",
      "user.profile.update",
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ actorLabel: admin.email, ip: "203.0.113.7" });
      expect(r.requestId).toMatch(/^test-/);
      expect(r.at.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    }
    expect(rows.find((r) => r.action === "client.update")!.clientId).toBe(client.id);
    expect(rows.find((r) => r.action === "user.role.change")!.details).toMatchObject({ from: "engineer", to: "manager" });
  });

  it("a rejected change writes neither the row nor an audit entry", async () => {
    const mgr = await makeUser(t.db, { role: "manager" });
    const ctx = await ctxFor(t.db, mgr.id);
    await expect(createTeam({ ctx, input: { name: "Half", memberIds: ["missing-user"] } })).rejects.toBeInstanceOf(InvalidError);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.actorId, mgr.id));
    expect(rows).toEqual([]);
  });
});
