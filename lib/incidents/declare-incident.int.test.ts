import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { and, asc, count, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { alertEvents, alerts, auditLog, clientAlertPolicies, incidentEscalations, incidents, incidentTimeline, maintenanceWindows, notifications, priorityRules } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { callRoute, idsAndTokensByRole } from "@/db/test/route-call";
import { ctxFor, makeClientWithHours, makePolicy, makeService, makeTeam, makeUser } from "@/db/test/factories";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as timelineRoute from "@/app/api/v1/incidents/[incidentId]/timeline/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { uniformBusinessHours } from "@/lib/core/business-hours";
import { resetEnvCache } from "@/lib/env";
import { runTick } from "@/lib/escalations/embedded-driver";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createToken } from "@/lib/tokens/create-token";
import { declareIncident } from "./declare-incident";
import { listIncidentTimeline } from "./read-incidents";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let ids: Record<string, string> = {};
let tokens: Record<string, string> = {};
let policyId = "";

// Acme: New York, Mon–Fri 09:00–17:00. Monday 15:00Z is 10:00 there (open); Saturday is closed,
// and the next business-hours start is Monday 30 Nov 09:00 EST = 14:00Z.
const MONDAY = new Date("2026-11-23T15:00:00Z");
const SATURDAY = new Date("2026-11-28T15:00:00Z");
const NEXT_OPENING = "2026-11-30T14:00:00.000Z";
const nineToFive = uniformBusinessHours(["mon", "tue", "wed", "thu", "fri"], { start: "09:00", end: "17:00" });

beforeAll(async () => {
  process.env.AUTH_SECRET = "test-secret-for-email-action-links-0123456789";
  process.env.BATON_PUBLIC_URL = "http://baton.test";
  resetEnvCache();
  t = await createTestDatabase();
  useDbHandle(t);
  ({ ids, tokens } = await idsAndTokensByRole(t.db));
  // Another team's engineer: their team serves Globex only, so Acme's services are out of their sight.
  const outsider = await makeUser(t.db, { role: "engineer", name: "Olive Outsider" });
  ids.outsider = outsider.id;
  tokens.outsider = (await createToken({ ctx: await ctxFor(t.db, outsider.id), input: { name: "outsider token" } })).token;
  const team = await makeTeam(t.db, [{ userId: ids.engineer! }]);
  const otherTeam = await makeTeam(t.db, [{ userId: outsider.id }]);
  const acme = await makeClientWithHours(t.db, { timeZone: "America/New_York", businessHours: nineToFive, teamIds: [team.id], stakeholderIds: [ids.stakeholder!] });
  const globex = await makeClientWithHours(t.db, { timeZone: "Europe/London", businessHours: nineToFive, teamIds: [otherTeam.id] });
  const policy = await makePolicy(t.db, { levels: [{ delayMinutes: 5, targets: [{ type: "user", id: ids.engineer! }] }] });
  policyId = policy.id;
  ids.acme = acme.id;
  ids.globex = globex.id;
  ids.service = (await makeService(t.db, { clientId: acme.id, teamId: team.id, name: "Acme Front Desk", escalationPolicyId: policy.id })).id;
  ids.rulesService = (await makeService(t.db, { clientId: acme.id, teamId: team.id, name: "Acme Printers", escalationPolicyId: policy.id })).id;
  ids.globexService = (await makeService(t.db, { clientId: globex.id, teamId: otherTeam.id, name: "Globex Scanners" })).id;
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

/** Everything a declaration writes, so a refused one can be shown to have written none of it. */
async function written() {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  return {
    alerts: await n(t.db.select({ n: count() }).from(alerts)),
    events: await n(t.db.select({ n: count() }).from(alertEvents)),
    incidents: await n(t.db.select({ n: count() }).from(incidents)),
    timeline: await n(t.db.select({ n: count() }).from(incidentTimeline)),
    escalations: await n(t.db.select({ n: count() }).from(incidentEscalations)),
    audited: await n(t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "incident.declare"))),
  };
}

const declare = async (role: string, input: Record<string, unknown>, now = MONDAY) => declareIncident({ ctx: await ctxFor(t.db, ids[role]!, now), input });
const post = (who: string, body: unknown) => callRoute(incidentsRoute.POST, { method: "POST", path: "/api/v1/incidents", token: tokens[who], body });

describe("declaring an incident by hand", () => {
  it("goes through ingestion: a manual alert and an incident that pages by the service's policy, with the person as the timeline's actor", async () => {
    const engineer = await ctxFor(t.db, ids.engineer!, MONDAY);
    const incident = await declareIncident({ ctx: engineer, input: { serviceId: ids.service, title: "Phishing email reported by phone", details: "Front desk called at 9:55.\nThe link was clicked on PC-04.", priority: "high" } });
    expect(incident).toMatchObject({ title: "Phishing email reported by phone", status: "triggered", priority: "high", paging: "page", deferredUntil: null, service: { id: ids.service }, client: { id: ids.acme }, triggeredAt: MONDAY.toISOString() });
    expect(incident.number).toBeGreaterThan(0);
    expect(incident.alert).toMatchObject({ source: "manual", senderName: engineer.viewer.name, customDetails: "Front desk called at 9:55.\nThe link was clicked on PC-04.", eventCount: 1 });
    expect(incident.alert!.dedupKey).toMatch(/^manual:/);

    const rows = await t.db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, incident.id)).orderBy(asc(incidentTimeline.id));
    expect(rows.map((r) => [r.kind, r.actorType, r.actorId, r.actorLabel, r.internal])).toEqual([
      ["received", "user", ids.engineer, engineer.viewer.name, true],
      ["prioritised", "user", ids.engineer, engineer.viewer.name, true],
      ["triggered", "user", ids.engineer, engineer.viewer.name, false],
    ]);
    expect(rows[0]!.message).toBe(`Declared by ${engineer.viewer.name} on Acme Front Desk`);
    expect(rows[1]!.message).toBe("As declared: high (no priority rule matched)");
    expect(rows[2]!.message).toBe("High priority: paging now");

    const [raw] = await t.db.select().from(alertEvents).where(eq(alertEvents.alertId, incident.alert!.id));
    expect(raw).toMatchObject({ source: "manual", action: "trigger", outcome: "created", integrationKeyId: null, payload: { serviceId: ids.service, title: "Phishing email reported by phone", declaredBy: { id: ids.engineer } } });

    // The service's policy is snapshotted and due now; the embedded driver pages its level 1.
    const [escalation] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, incident.id));
    expect(escalation).toMatchObject({ phase: "active", nextDueAt: MONDAY, policy: { policyId } });
    await runTick(t.db, MONDAY);
    const pages = await t.db.select().from(notifications).where(and(eq(notifications.incidentId, incident.id), eq(notifications.kind, "page")));
    expect(pages.length).toBeGreaterThan(0);
    expect(new Set(pages.map((p) => p.userId))).toEqual(new Set([ids.engineer]));

    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "incident.declare"), eq(auditLog.targetId, incident.id)));
    expect(audit).toMatchObject({ actorId: ids.engineer, clientId: ids.acme, details: { serviceId: ids.service, paging: "page" } });

    // The client's stakeholder sees the public row with the person who declared it, not a monitoring tool.
    const external = await listIncidentTimeline(await ctxFor(t.db, ids.stakeholder!, MONDAY), incident.id);
    expect(external.map((r) => [r.kind, r.actor])).toEqual([["triggered", { type: "user", id: null, label: engineer.viewer.name }]]);
  });

  it("each declaration is a new incident, even with the same title", async () => {
    const a = await declare("manager", { serviceId: ids.service, title: "Users can't print" });
    const b = await declare("manager", { serviceId: ids.service, title: "Users can't print" });
    expect(b.id).not.toBe(a.id);
    expect(b.number).toBeGreaterThan(a.number);
    expect(b.alert!.dedupKey).not.toBe(a.alert!.dedupKey);
    // No priority given: high, like a generic alert.
    expect([a.priority, b.priority, a.paging]).toEqual(["high", "high", "page"]);
  });

  it("a medium one outside the client's business hours waits for them, like any alert", async () => {
    const incident = await declare("engineer", { serviceId: ids.service, title: "Shared mailbox slow", priority: "medium" }, SATURDAY);
    expect(incident).toMatchObject({ priority: "medium", paging: "defer", deferredUntil: NEXT_OPENING, status: "triggered" });
    const [escalation] = await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, incident.id));
    expect(escalation).toMatchObject({ phase: "deferred", nextDueAt: new Date(NEXT_OPENING) });
    const [deferred] = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, incident.id), eq(incidentTimeline.kind, "deferred")));
    expect(deferred).toMatchObject({ actorType: "user", actorId: ids.engineer, internal: false });
    // The same priority inside business hours pages now.
    const open = await declare("engineer", { serviceId: ids.service, title: "Shared mailbox slow", priority: "medium" }, MONDAY);
    expect(open).toMatchObject({ paging: "page", deferredUntil: null });
  });

  it("the service's and client's priority rules still apply to what was declared", async () => {
    await t.db.insert(priorityRules).values({ serviceId: ids.rulesService, position: 1, name: "Printers can wait", priority: "medium", conditions: [{ field: "summary", op: "contains", value: "printer", path: "" }] });
    await t.db.insert(priorityRules).values({ clientId: ids.acme, position: 1, name: "Ransomware is urgent", priority: "high", conditions: [{ field: "summary", op: "contains", value: "ransom", path: "" }] });
    const printer = await declare("engineer", { serviceId: ids.rulesService, title: "Printer on floor 2 jammed" }, SATURDAY);
    expect(printer).toMatchObject({ priority: "medium", paging: "defer", deferredUntil: NEXT_OPENING, alert: { priorityRule: { scope: "service", name: "Printers can wait" } } });
    const ransom = await declare("engineer", { serviceId: ids.rulesService, title: "Ransom note on the file server", priority: "low" }, SATURDAY);
    expect(ransom).toMatchObject({ priority: "high", paging: "page", alert: { priorityRule: { scope: "client", name: "Ransomware is urgent" } } });
    const [row] = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, printer.id), eq(incidentTimeline.kind, "prioritised")));
    expect(row!.message).toBe("Service rule 1 “Printers can wait” → medium");
  });

  it("refuses what would only be recorded, writing nothing: low when low is record-only, any priority during maintenance", async () => {
    await t.db.insert(clientAlertPolicies).values({ clientId: ids.acme!, lowPriority: "record" });
    const before = await written();
    await expect(declare("engineer", { serviceId: ids.service, title: "Toner low", priority: "low" })).rejects.toMatchObject({ code: "invalid", issues: [{ path: "priority", message: expect.stringContaining("Low priority is record-only for") }] });
    const [window] = await t.db.insert(maintenanceWindows).values({ serviceId: ids.service!, startsAt: new Date(MONDAY.getTime() - 3_600_000), endsAt: new Date(MONDAY.getTime() + 3_600_000), reason: "Patching" }).returning();
    await expect(declare("engineer", { serviceId: ids.service, title: "Email down", priority: "high" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("maintenance window") });
    expect(await written()).toEqual(before);
    await t.db.delete(maintenanceWindows).where(eq(maintenanceWindows.id, window!.id));
    await t.db.delete(clientAlertPolicies).where(eq(clientAlertPolicies.clientId, ids.acme!));
    expect(await declare("engineer", { serviceId: ids.service, title: "Email down", priority: "high" })).toMatchObject({ paging: "page" });
  });

  it("a stakeholder may not declare; an engineer can't declare on a service they can't see, nor on an unknown one", async () => {
    const before = await written();
    await expect(declare("stakeholder", { serviceId: ids.service, title: "Our website is down" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(declare("outsider", { serviceId: ids.service, title: "Not mine" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(declare("engineer", { serviceId: ids.globexService, title: "Not mine either" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(declare("manager", { serviceId: "no-such-service", title: "Nowhere" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await written()).toEqual(before);
    // The outsider may declare on their own team's client's service.
    expect(await declare("outsider", { serviceId: ids.globexService, title: "Scanner fleet offline" })).toMatchObject({ client: { id: ids.globex }, paging: "page" });
  });
});

describe("POST /api/v1/incidents", () => {
  it("declares an incident: 201 with the incident, its number and whether it pages now", async () => {
    const r = await post("admin", { serviceId: ids.service, title: "CEO reports a suspicious invoice email", details: "Forwarded to security@.", priority: null });
    expect(r.status).toBe(201);
    expect(r.json.data).toMatchObject({ title: "CEO reports a suspicious invoice email", priority: "high", status: "triggered", paging: "page", service: { id: ids.service }, alert: { source: "manual", customDetails: "Forwarded to security@." } });
    expect(typeof r.json.data.number).toBe("number");
    const listed = await callRoute(incidentsRoute.GET, { path: `/api/v1/incidents?q=%23${r.json.data.number}`, token: tokens.engineer });
    expect(listed.json.data.map((i: { id: string }) => i.id)).toEqual([r.json.data.id]);
    const timeline = await callRoute(timelineRoute.GET, { path: "/api/v1/incidents/x/timeline", token: tokens.engineer, params: { incidentId: r.json.data.id } });
    expect(timeline.json.data[0]).toMatchObject({ kind: "received", actor: { type: "user", id: ids.admin } });
  });

  it("a bad body is a 400 naming each field, and nothing is written", async () => {
    const before = await written();
    const cases: [unknown, string[]][] = [
      [{ serviceId: ids.service }, ["title"]],
      [{ serviceId: ids.service, title: "   " }, ["title"]],
      [{ serviceId: ids.service, title: "x".repeat(1025) }, ["title"]],
      [{ serviceId: ids.service, title: "Phish", details: "x".repeat(10_001) }, ["details"]],
      [{ serviceId: ids.service, title: "Phish", priority: "urgent" }, ["priority"]],
      [{ title: "Phish" }, ["serviceId"]],
      [{ serviceId: ids.service, title: "Bad\u0000text" }, ["title"]],
    ];
    for (const [body, paths] of cases) {
      const r = await post("engineer", body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json.error.code).toBe("invalid");
      expect(r.json.error.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    }
    expect((await post("engineer", [1, 2])).status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it("refuses stakeholders (403), other teams' and unknown services (404), and callers without a token (401)", async () => {
    const before = await written();
    const stakeholder = await post("stakeholder", { serviceId: ids.service, title: "Website down" });
    expect([stakeholder.status, stakeholder.json.error.code]).toEqual([403, "forbidden"]);
    const outsider = await post("outsider", { serviceId: ids.service, title: "Not mine" });
    expect([outsider.status, outsider.json.error.code]).toEqual([404, "not_found"]);
    const unknown = await post("manager", { serviceId: "no-such-service", title: "Nowhere" });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, "not_found"]);
    expect((await callRoute(incidentsRoute.POST, { method: "POST", path: "/api/v1/incidents", body: { serviceId: ids.service, title: "x" } })).status).toBe(401);
    expect(await written()).toEqual(before);
  });

  it("is in the OpenAPI document, with its body and 201 response", async () => {
    const doc = await openapiRoute.GET(new NextRequest("http://localhost:3000/api/v1/openapi.json")).json();
    const op = doc.paths["/api/v1/incidents"].post;
    expect(op).toBeDefined();
    expect(Object.keys(op.requestBody.content["application/json"].schema.properties).sort()).toEqual(["details", "priority", "serviceId", "title"]);
    expect(op.requestBody.content["application/json"].schema.required.sort()).toEqual(["serviceId", "title"]);
    expect(op.responses["201"]).toBeDefined();
    expect(doc.paths["/api/v1/incidents"].get).toBeDefined();
  });
});
