import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { and, count, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { auditLog, escalationPolicies, services, type Role } from "@/db/schema";
import { makeClient, makeService, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { callRoute, tokensByRole } from "@/db/test/route-call";
import { createTestDatabase } from "@/db/test/test-database";
import * as policiesRoute from "./escalation-policies/route";
import * as policyRoute from "./escalation-policies/[policyId]/route";
import * as servicesRoute from "./services/route";
import * as serviceRoute from "./services/[serviceId]/route";
import * as openapiRoute from "./openapi.json/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let who: Record<Role, { id: string; token: string }>;
const ids: Record<string, string> = {};
const as = (role: Role) => who[role].token;

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  who = await tokensByRole(t.db);
  const alice = await makeUser(t.db, { name: "Alice Lead" });
  const bob = await makeUser(t.db, { name: "Bob Backup" });
  const team = await makeTeam(t.db, [{ userId: alice.id, isLead: true }, { userId: bob.id }]);
  const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [alice.id, bob.id], teamId: team.id });
  const client = await makeClient(t.db, { teamIds: [team.id] });
  Object.assign(ids, { alice: alice.id, bob: bob.id, team: team.id, teamName: team.name, schedule: schedule.id, scheduleName: schedule.name, client: client.id });
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const policyCount = async () => (await t.db.select({ n: count() }).from(escalationPolicies))[0]!.n;
const body = () => ({
  name: `Standard ${Math.random().toString(36).slice(2, 7)}`,
  description: "Desk first, then its leads",
  levels: [
    { delayMinutes: 5, targets: [{ type: "schedule", id: ids.schedule }] },
    { delayMinutes: 10, targets: [{ type: "team", id: ids.team, scope: "leads" }, { type: "user", id: ids.bob }] },
  ],
  repeat: 1,
  stopOn: "acknowledged",
  failover: { leads: true, userIds: [ids.alice], emails: ["Duty@Example.com"] },
});

describe("escalation policies REST", () => {
  it("CRUD: a manager creates, reads, lists, edits and deletes a policy; each write is audited", async () => {
    const created = await callRoute(policiesRoute.POST, { method: "POST", path: "/api/v1/escalation-policies", token: as("manager"), body: body() });
    expect(created.status).toBe(201);
    const p = created.json.data;
    expect(p).toMatchObject({ repeat: 1, stopOn: "acknowledged", services: [], failover: { leads: true, userIds: [ids.alice], emails: ["duty@example.com"], users: [{ id: ids.alice, name: "Alice Lead" }] } });
    expect(p.levels[0].targets).toEqual([{ type: "schedule", id: ids.schedule, name: `on-call of ${ids.scheduleName}` }]);
    expect(p.levels[1].targets.map((x: { name: string }) => x.name)).toEqual([`leads of ${ids.teamName}`, "Bob Backup"]);
    expect(p.timeline).toEqual([
      `0 min: on-call of ${ids.scheduleName}`,
      `5 min: leads of ${ids.teamName}, Bob Backup`,
      "15 min: repeat once (every 15 min)",
      "30 min: failover email to the team leads, Alice Lead, duty@example.com",
      "Stops when a page is acknowledged.",
    ]);

    const got = await callRoute(policyRoute.GET, { path: `/api/v1/escalation-policies/${p.id}`, token: as("engineer"), params: { policyId: p.id } });
    expect(got.status).toBe(200);
    expect(got.json.data.timeline).toEqual(p.timeline);
    const listed = await callRoute(policiesRoute.GET, { path: "/api/v1/escalation-policies", token: as("engineer") });
    expect(listed.status).toBe(200);
    expect(listed.json.data.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(listed.json.nextCursor).toBeNull();

    const patched = await callRoute(policyRoute.PATCH, { method: "PATCH", path: `/api/v1/escalation-policies/${p.id}`, token: as("admin"), params: { policyId: p.id }, body: { repeat: 0, stopOn: "read", levels: [{ delayMinutes: 0, targets: [{ type: "team", id: ids.team, scope: "all" }] }] } });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ name: p.name, repeat: 0, stopOn: "read", description: "Desk first, then its leads" });
    expect(patched.json.data.timeline).toEqual([`0 min: everyone in ${ids.teamName}`, "0 min: failover email to the team leads, Alice Lead, duty@example.com", "Stops when a page is read."]);

    const deleted = await callRoute(policyRoute.DELETE, { method: "DELETE", path: `/api/v1/escalation-policies/${p.id}`, token: as("manager"), params: { policyId: p.id } });
    expect(deleted.status).toBe(204);
    const gone = await callRoute(policyRoute.GET, { path: `/api/v1/escalation-policies/${p.id}`, token: as("manager"), params: { policyId: p.id } });
    expect(gone.status).toBe(404);
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, p.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["escalation_policy.create", "escalation_policy.delete", "escalation_policy.update"]);
  });

  it.each([
    ["a target that does not exist", (b: ReturnType<typeof body>) => ({ ...b, levels: [b.levels[0], { delayMinutes: 5, targets: [{ type: "user", id: "no-such-person" }] }] }), "levels.1.targets.0.id"],
    ["a level without targets", (b: ReturnType<typeof body>) => ({ ...b, levels: [{ delayMinutes: 5, targets: [] }] }), "levels.0.targets"],
    ["a negative delay", (b: ReturnType<typeof body>) => ({ ...b, levels: [{ ...b.levels[0], delayMinutes: -1 }] }), "levels.0.delayMinutes"],
    ["a fractional delay", (b: ReturnType<typeof body>) => ({ ...b, levels: [{ ...b.levels[0], delayMinutes: 2.5 }] }), "levels.0.delayMinutes"],
    ["a delay over a day", (b: ReturnType<typeof body>) => ({ ...b, levels: [{ ...b.levels[0], delayMinutes: 1441 }] }), "levels.0.delayMinutes"],
    ["no levels", (b: ReturnType<typeof body>) => ({ ...b, levels: [] }), "levels"],
    ["21 levels", (b: ReturnType<typeof body>) => ({ ...b, levels: Array.from({ length: 21 }, () => b.levels[0]) }), "levels"],
    ["repeat 10", (b: ReturnType<typeof body>) => ({ ...b, repeat: 10 }), "repeat"],
    ["an unknown stop condition", (b: ReturnType<typeof body>) => ({ ...b, stopOn: "resolved" }), "stopOn"],
    ["a team without a scope", (b: ReturnType<typeof body>) => ({ ...b, levels: [{ delayMinutes: 5, targets: [{ type: "team", id: ids.team }] }] }), "levels.0.targets.0.scope"],
    ["an unknown failover person", (b: ReturnType<typeof body>) => ({ ...b, failover: { ...b.failover, userIds: [ids.alice, "ghost"] } }), "failover.userIds.1"],
    ["an invalid failover email", (b: ReturnType<typeof body>) => ({ ...b, failover: { ...b.failover, emails: ["duty@example.com", "not an email"] } }), "failover.emails.1"],
    ["an unknown schedule", (b: ReturnType<typeof body>) => ({ ...b, levels: [{ delayMinutes: 5, targets: [{ type: "schedule", id: "gone" }] }] }), "levels.0.targets.0.id"],
  ])("bad input, %s: 400 naming the field, nothing written", async (_label, change, path) => {
    const before = await policyCount();
    const r = await callRoute(policiesRoute.POST, { method: "POST", path: "/api/v1/escalation-policies", token: as("manager"), body: change(body()) });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid");
    expect(r.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await policyCount()).toBe(before);
  });

  it("a PATCH with a missing target is refused and leaves the policy as it was", async () => {
    const created = await callRoute(policiesRoute.POST, { method: "POST", path: "/api/v1/escalation-policies", token: as("manager"), body: body() });
    const id = created.json.data.id;
    const r = await callRoute(policyRoute.PATCH, { method: "PATCH", path: `/api/v1/escalation-policies/${id}`, token: as("manager"), params: { policyId: id }, body: { repeat: 3, levels: [{ delayMinutes: 5, targets: [{ type: "team", id: "nope", scope: "all" }] }] } });
    expect(r.status).toBe(400);
    expect(r.json.error.issues[0].path).toBe("levels.0.targets.0.id");
    const [row] = await t.db.select().from(escalationPolicies).where(eq(escalationPolicies.id, id));
    expect(row!.repeat).toBe(1);
    expect(row!.levels).toHaveLength(2);
  });

  it("a duplicate name is a 409", async () => {
    const b = body();
    expect((await callRoute(policiesRoute.POST, { method: "POST", path: "/api/v1/escalation-policies", token: as("manager"), body: b })).status).toBe(201);
    const again = await callRoute(policiesRoute.POST, { method: "POST", path: "/api/v1/escalation-policies", token: as("manager"), body: b });
    expect(again.status).toBe(409);
  });

  it("engineers read but may not write; stakeholders may not even read; every refusal is audited", async () => {
    const created = await callRoute(policiesRoute.POST, { method: "POST", path: "/api/v1/escalation-policies", token: as("manager"), body: body() });
    const id = created.json.data.id;
    const before = await policyCount();
    for (const role of ["engineer", "stakeholder"] as const) {
      expect((await callRoute(policiesRoute.POST, { method: "POST", path: "/api/v1/escalation-policies", token: as(role), body: body() })).status).toBe(403);
      expect((await callRoute(policyRoute.PATCH, { method: "PATCH", path: `/api/v1/escalation-policies/${id}`, token: as(role), params: { policyId: id }, body: { repeat: 0 } })).status).toBe(403);
      expect((await callRoute(policyRoute.DELETE, { method: "DELETE", path: `/api/v1/escalation-policies/${id}`, token: as(role), params: { policyId: id } })).status).toBe(403);
    }
    expect((await callRoute(policiesRoute.GET, { path: "/api/v1/escalation-policies", token: as("stakeholder") })).status).toBe(403);
    expect((await callRoute(policyRoute.GET, { path: `/api/v1/escalation-policies/${id}`, token: as("stakeholder"), params: { policyId: id } })).status).toBe(403);
    expect((await callRoute(policyRoute.GET, { path: `/api/v1/escalation-policies/${id}`, token: as("engineer"), params: { policyId: id } })).status).toBe(200);
    expect(await policyCount()).toBe(before);
    const [row] = await t.db.select().from(escalationPolicies).where(eq(escalationPolicies.id, id));
    expect(row!.repeat).toBe(1);
    const denials = await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorId, who.stakeholder.id)));
    expect(denials[0]!.n).toBeGreaterThanOrEqual(5);
    expect((await callRoute(policiesRoute.GET, { path: "/api/v1/escalation-policies" })).status).toBe(401);
  });

  it("services take a policy (validated to exist); a policy in use cannot be deleted (409 naming the services)", async () => {
    const created = await callRoute(policiesRoute.POST, { method: "POST", path: "/api/v1/escalation-policies", token: as("manager"), body: body() });
    const policyId = created.json.data.id;
    const svc = await callRoute(servicesRoute.POST, { method: "POST", path: "/api/v1/services", token: as("manager"), body: { name: "Imaging Cluster", clientId: ids.client, teamId: ids.team, escalationPolicyId: policyId } });
    expect(svc.status).toBe(201);
    expect(svc.json.data).toMatchObject({ escalationPolicyId: policyId, escalationPolicy: { id: policyId, name: created.json.data.name } });
    const other = await makeService(t.db, { clientId: ids.client!, teamId: ids.team!, name: "Backup Vault" });
    const patched = await callRoute(serviceRoute.PATCH, { method: "PATCH", path: `/api/v1/services/${other.id}`, token: as("manager"), params: { serviceId: other.id }, body: { escalationPolicyId: policyId } });
    expect(patched.status).toBe(200);
    expect(patched.json.data.escalationPolicyId).toBe(policyId);

    const unknown = await callRoute(serviceRoute.PATCH, { method: "PATCH", path: `/api/v1/services/${other.id}`, token: as("manager"), params: { serviceId: other.id }, body: { escalationPolicyId: "no-such-policy" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0].path).toBe("escalationPolicyId");
    const badCreate = await callRoute(servicesRoute.POST, { method: "POST", path: "/api/v1/services", token: as("manager"), body: { name: "Never made", clientId: ids.client, teamId: ids.team, escalationPolicyId: "no-such-policy" } });
    expect(badCreate.status).toBe(400);
    expect((await t.db.select().from(services).where(eq(services.name, "Never made"))).length).toBe(0);

    const got = await callRoute(policyRoute.GET, { path: `/api/v1/escalation-policies/${policyId}`, token: as("manager"), params: { policyId } });
    expect(got.json.data.services.map((s: { name: string }) => s.name)).toEqual(["Backup Vault", "Imaging Cluster"]);

    const refused = await callRoute(policyRoute.DELETE, { method: "DELETE", path: `/api/v1/escalation-policies/${policyId}`, token: as("manager"), params: { policyId } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("conflict");
    expect(refused.json.error.message).toContain("Backup Vault, Imaging Cluster");
    expect((await t.db.select().from(escalationPolicies).where(eq(escalationPolicies.id, policyId))).length).toBe(1);

    // Clearing both services frees it.
    for (const s of [svc.json.data.id, other.id]) {
      const cleared = await callRoute(serviceRoute.PATCH, { method: "PATCH", path: `/api/v1/services/${s}`, token: as("manager"), params: { serviceId: s }, body: { escalationPolicyId: null } });
      expect(cleared.json.data.escalationPolicy).toBeNull();
    }
    expect((await callRoute(policyRoute.DELETE, { method: "DELETE", path: `/api/v1/escalation-policies/${policyId}`, token: as("manager"), params: { policyId } })).status).toBe(204);
  });

  it("is in the OpenAPI document with its permissions", async () => {
    const doc = await openapiRoute.GET(new NextRequest("http://localhost:3000/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths["/api/v1/escalation-policies"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/escalation-policies/{policyId}"]).sort()).toEqual(["delete", "get", "patch"]);
    expect(doc.paths["/api/v1/escalation-policies"].post.description).toContain("escalation_policies:write");
    expect(doc.paths["/api/v1/escalation-policies"].post.requestBody.content["application/json"].schema.properties.levels).toBeTruthy();
    expect(doc.paths["/api/v1/services"].post.requestBody.content["application/json"].schema.properties.escalationPolicyId).toBeTruthy();
  });
});
