import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { auditLog, incidentTimeline, incidentTypes, notifications } from "@/db/schema";
import { seedIncidentTypes, INCIDENT_TYPE_SEEDS } from "@/db/seed-incident-types";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { callRoute, tokensByRole } from "@/db/test/route-call";
import type { Role } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { listMyAlarms } from "@/lib/escalations/list-my-alarms";
import { getIncident, listIncidents, listIncidentTimeline } from "@/lib/incidents/read-incidents";
import { assignRole } from "./assign-role";
import { breakGlass } from "./break-glass";
import { listChecklist } from "./list-checklist";
import { listParticipants } from "./list-participants";
import { listStatusUpdates } from "./list-status-updates";
import { postStatusUpdate } from "./post-status-update";
import { removeParticipant } from "./remove-participant";
import { setConfidential } from "./set-confidential";
import { setIncidentType } from "./set-incident-type";
import { tickChecklistItem } from "./tick-checklist-item";
import { updateIncidentType } from "./update-incident-type";
import * as incidentRoute from "@/app/api/v1/incidents/[incidentId]/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as participantsRoute from "@/app/api/v1/incidents/[incidentId]/participants/route";
import * as participantRoute from "@/app/api/v1/incidents/[incidentId]/participants/[participantId]/route";
import * as typeRoute from "@/app/api/v1/incidents/[incidentId]/type/route";
import * as checklistRoute from "@/app/api/v1/incidents/[incidentId]/checklist/route";
import * as tickRoute from "@/app/api/v1/incidents/[incidentId]/checklist/[itemId]/tick/route";
import * as statusRoute from "@/app/api/v1/incidents/[incidentId]/status-updates/route";
import * as confidentialRoute from "@/app/api/v1/incidents/[incidentId]/confidential/route";
import * as breakGlassRoute from "@/app/api/v1/incidents/[incidentId]/break-glass/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let tok: Record<Role, { id: string; token: string }>;
const ids: Record<string, string> = {};
const NOW = new Date("2026-11-23T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  await seedIncidentTypes(t.db, NOW);
  tok = await tokensByRole(t.db);
  const participant = await makeUser(t.db, { role: "engineer", name: "Pat Participant" });
  const bystander = await makeUser(t.db, { role: "engineer", name: "Bea Bystander" });
  const paged = await makeUser(t.db, { role: "engineer", name: "Paula Paged" });
  const stakeholder = await makeUser(t.db, { role: "stakeholder" });
  ids.participant = participant.id;
  ids.bystander = bystander.id;
  ids.paged = paged.id;
  ids.stakeholder = stakeholder.id;
  const team = await makeTeam(t.db, [{ userId: participant.id }, { userId: bystander.id }, { userId: paged.id }, { userId: tok.engineer.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [stakeholder.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id });
  const secret = await makeIncident(t.db, service, { at: new Date("2026-11-23T10:00:00Z"), title: "Payroll mailbox takeover" });
  const open = await makeIncident(t.db, service, { at: new Date("2026-11-23T09:00:00Z"), title: "Printer offline" });
  ids.secret = secret.id;
  ids.open = open.id;
  ids.night = (await makeIncident(t.db, service, { at: new Date("2026-11-23T03:00:00Z"), title: "Night outage" })).id;
  // A manager makes Pat the triage analyst, then marks the incident confidential.
  const mgr = await ctxFor(t.db, tok.manager.id, NOW);
  ids.patRole = (await assignRole({ ctx: mgr, input: { incidentId: secret.id, userId: participant.id, role: "triage_analyst" } })).id;
  await setConfidential({ ctx: mgr, input: { incidentId: secret.id, confidential: true } });
  await t.db.insert(notifications).values({ incidentId: secret.id, level: 0, repeat: 0, recipient: paged.id, userId: paged.id, channel: "in_app", state: "sent", createdAt: NOW, sentAt: NOW });
});
afterAll(async () => t.drop());

const auditRows = (action: string, actorId: string, targetId: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.actorId, actorId), eq(auditLog.targetId, targetId)));

describe("need-to-know: a confidential incident", () => {
  it("is absent from a non-participant engineer's list and search, and a 404 on detail, timeline and REST", async () => {
    const ctx = await ctxFor(t.db, ids.bystander!, NOW);
    const page = await listIncidents(ctx, { limit: 50 });
    expect(page.data.map((i) => i.id)).toContain(ids.open);
    expect(page.data.map((i) => i.id)).not.toContain(ids.secret);
    expect((await listIncidents(ctx, { q: "Payroll" })).data).toEqual([]);
    await expect(getIncident(ctx, ids.secret!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listIncidentTimeline(ctx, ids.secret!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listChecklist(ctx, ids.secret!)).rejects.toBeInstanceOf(NotFoundError);
    expect((await auditRows("access.denied", ids.bystander!, ids.secret!)).some((r) => r.details.reason === "confidential")).toBe(true);
  });

  it("is hidden from the client's stakeholders and from an admin who has not broken the glass (REST 404, not in the list)", async () => {
    const sctx = await ctxFor(t.db, ids.stakeholder!, NOW);
    expect((await listIncidents(sctx, {})).data.map((i) => i.id)).not.toContain(ids.secret);
    await expect(getIncident(sctx, ids.secret!)).rejects.toBeInstanceOf(NotFoundError);
    const res = await callRoute(incidentRoute.GET, { path: `/api/v1/incidents/${ids.secret}`, token: tok.admin.token, params: { incidentId: ids.secret! } });
    expect(res.status).toBe(404);
    const list = await callRoute(incidentsRoute.GET, { path: "/api/v1/incidents?q=Payroll", token: tok.admin.token });
    expect(list.json.data).toEqual([]);
    const parts = await callRoute(participantsRoute.GET, { path: `/api/v1/incidents/${ids.secret}/participants`, token: tok.engineer.token, params: { incidentId: ids.secret! } });
    expect(parts.status).toBe(404);
  });

  it("is visible to a participant, and each read is audited", async () => {
    expect((await listIncidents(await ctxFor(t.db, ids.participant!, NOW), { q: "Payroll" })).data.map((i) => i.id)).toEqual([ids.secret]);
    const page = await ctxFor(t.db, ids.participant!, NOW);
    const detail = await getIncident(page, ids.secret!);
    expect(detail.confidential).toBe(true);
    await listIncidentTimeline(page, ids.secret!);
    const reads = await auditRows("incident.read_confidential", ids.participant!, ids.secret!);
    // One row per request: the list, then the page (detail + timeline in one request).
    expect(reads.map((r) => r.details.via).sort()).toEqual(["detail", "list"]);
  });

  it("stays visible to a past participant, and to the manager who marked it", async () => {
    const ctx = await ctxFor(t.db, ids.participant!, NOW);
    const [p] = (await listParticipants(ctx, ids.secret!)).filter((x) => x.person.id === ids.participant);
    await removeParticipant({ ctx, input: { incidentId: ids.secret, participantId: p!.id } });
    expect((await getIncident(ctx, ids.secret!)).id).toBe(ids.secret);
    expect((await getIncident(await ctxFor(t.db, tok.manager.id, NOW), ids.secret!)).id).toBe(ids.secret);
    const rows = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, ids.secret!), eq(incidentTimeline.kind, "left")));
    expect(rows[0]!.message).toMatch(/Pat Participant left \(triage analyst\)/);
  });

  it("the paged person sees it (in their alarms, without details, and on its page); the REST detail too", async () => {
    const ctx = await ctxFor(t.db, ids.paged!, NOW);
    const alarms = await listMyAlarms(ctx);
    expect(alarms.map((a) => [a.incidentId, a.title])).toEqual([[ids.secret, null]]);
    expect((await getIncident(ctx, ids.secret!)).title).toBe("Payroll mailbox takeover");
    expect((await listMyAlarms(await ctxFor(t.db, ids.bystander!, NOW))).map((a) => a.incidentId)).not.toContain(ids.secret);
  });

  it("an admin breaks the glass with a reason: audited, on the timeline, then readable (and audited) for an hour only", async () => {
    const bad = await callRoute(breakGlassRoute.POST, { method: "POST", path: `/api/v1/incidents/${ids.secret}/break-glass`, token: tok.admin.token, params: { incidentId: ids.secret! }, body: { reason: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("reason");
    const refused = await callRoute(breakGlassRoute.POST, { method: "POST", path: `/api/v1/incidents/${ids.secret}/break-glass`, token: tok.manager.token, params: { incidentId: ids.secret! }, body: { reason: "Legal hold request 4411" } });
    expect(refused.status).toBe(403);
    const res = await callRoute(breakGlassRoute.POST, { method: "POST", path: `/api/v1/incidents/${ids.secret}/break-glass`, token: tok.admin.token, params: { incidentId: ids.secret! }, body: { reason: "Legal hold request 4411" } });
    expect(res.status).toBe(201);
    expect((await auditRows("incident.break_glass", tok.admin.id, ids.secret!))[0]!.details.reason).toBe("Legal hold request 4411");
    const detail = await callRoute(incidentRoute.GET, { path: `/api/v1/incidents/${ids.secret}`, token: tok.admin.token, params: { incidentId: ids.secret! } });
    expect(detail.status).toBe(200);
    expect((await auditRows("incident.read_confidential", tok.admin.id, ids.secret!)).length).toBeGreaterThan(0);
    const later = await ctxFor(t.db, tok.admin.id, new Date(Date.now() + 2 * 3600_000));
    await expect(getIncident(later, ids.secret!)).rejects.toBeInstanceOf(NotFoundError);
    const timeline = await listIncidentTimeline(await ctxFor(t.db, tok.manager.id, NOW), ids.secret!);
    expect(timeline.some((r) => r.kind === "confidentiality" && r.message.includes("Legal hold request 4411"))).toBe(true);
  });
});

describe("roles", () => {
  it("an engineer may join as responder but not assign others (403 over REST); bad input names the field", async () => {
    const join = await callRoute(participantsRoute.POST, { method: "POST", path: `/api/v1/incidents/${ids.open}/participants`, token: tok.engineer.token, params: { incidentId: ids.open! }, body: { userId: tok.engineer.id, role: "responder" } });
    expect(join.status).toBe(201);
    expect(join.json.data.role).toBe("responder");
    const again = await callRoute(participantsRoute.POST, { method: "POST", path: `/api/v1/incidents/${ids.open}/participants`, token: tok.engineer.token, params: { incidentId: ids.open! }, body: { userId: tok.engineer.id, role: "responder" } });
    expect(again.status).toBe(409);
    const assign = await callRoute(participantsRoute.POST, { method: "POST", path: `/api/v1/incidents/${ids.open}/participants`, token: tok.engineer.token, params: { incidentId: ids.open! }, body: { userId: ids.bystander, role: "forensic_analyst" } });
    expect(assign.status).toBe(403);
    const bad = await callRoute(participantsRoute.POST, { method: "POST", path: `/api/v1/incidents/${ids.open}/participants`, token: tok.manager.token, params: { incidentId: ids.open! }, body: { userId: ids.bystander, role: "wizard" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("role");
    const stake = await callRoute(participantsRoute.POST, { method: "POST", path: `/api/v1/incidents/${ids.open}/participants`, token: tok.manager.token, params: { incidentId: ids.open! }, body: { userId: ids.stakeholder, role: "communications_lead" } });
    expect(stake.status).toBe(400);
    expect(stake.json.error.issues[0].path).toBe("userId");
  });

  it("the incident manager assigns roles and removes them; each is a timeline row", async () => {
    const mgr = await ctxFor(t.db, tok.manager.id, NOW);
    await assignRole({ ctx: mgr, input: { incidentId: ids.open, userId: ids.participant, role: "incident_manager" } });
    const im = await ctxFor(t.db, ids.participant!, NOW);
    const forensic = await assignRole({ ctx: im, input: { incidentId: ids.open, userId: ids.bystander, role: "forensic_analyst" } });
    const del = await callRoute(participantRoute.DELETE, { method: "DELETE", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open!, participantId: forensic.id } });
    expect(del.status).toBe(403);
    await removeParticipant({ ctx: im, input: { incidentId: ids.open, participantId: forensic.id } });
    const kinds = (await listIncidentTimeline(mgr, ids.open!)).map((r) => [r.kind, r.message]);
    expect(kinds).toContainEqual(["role_assigned", expect.stringMatching(/Bea Bystander is forensic analyst/)]);
    expect(kinds).toContainEqual(["role_removed", expect.stringMatching(/Bea Bystander is no longer forensic analyst/)]);
    expect(kinds).toContainEqual(["joined", expect.stringMatching(/joined as responder/)]);
    const gone = await listParticipants(mgr, ids.open!);
    expect(gone.find((p) => p.id === forensic.id)!.leftAt).toBe(NOW.toISOString());
  });

  it("with nobody in charge, a responder takes command as incident manager; then nobody else may take it", async () => {
    const bea = await ctxFor(t.db, ids.bystander!, NOW);
    await expect(assignRole({ ctx: bea, input: { incidentId: ids.night, userId: ids.participant, role: "incident_manager" } })).rejects.toBeInstanceOf(ForbiddenError);
    await assignRole({ ctx: bea, input: { incidentId: ids.night, userId: ids.bystander, role: "incident_manager" } });
    await expect(assignRole({ ctx: await ctxFor(t.db, ids.paged!, NOW), input: { incidentId: ids.night, userId: ids.paged, role: "incident_manager" } })).rejects.toBeInstanceOf(ForbiddenError);
    // As incident manager she assigns the other roles.
    await assignRole({ ctx: bea, input: { incidentId: ids.night, userId: ids.paged, role: "triage_analyst" } });
    const rows = (await listIncidentTimeline(await ctxFor(t.db, tok.manager.id, NOW), ids.night!)).map((r) => r.message);
    expect(rows).toEqual(expect.arrayContaining(["Bea Bystander took command as incident manager", "Paula Paged is triage analyst"]));
  });

  it("an engineer may not mark an incident confidential (403); the incident manager may", async () => {
    const res = await callRoute(confidentialRoute.PUT, { method: "PUT", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open! }, body: { confidential: true } });
    expect(res.status).toBe(403);
    const bad = await callRoute(confidentialRoute.PUT, { method: "PUT", path: "/x", token: tok.manager.token, params: { incidentId: ids.open! }, body: { confidential: "maybe" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("confidential");
  });
});

describe("type and checklist", () => {
  it("seeds seven types, idempotently, with the security steps", async () => {
    await seedIncidentTypes(t.db, NOW);
    const types = await t.db.select().from(incidentTypes);
    expect(types).toHaveLength(INCIDENT_TYPE_SEEDS.length);
    expect(types).toHaveLength(7);
    for (const ty of types.filter((x) => x.security)) {
      const titles = ty.steps.map((s) => s.title);
      expect(titles[0]).toMatch(/cyber-insurance provider before isolation or changes/);
      expect(titles).toContain("Review the continuity/recovery plan's requirements");
      expect(titles.some((x) => x.startsWith("Windows: memory image"))).toBe(true);
      expect(titles).toContain("Monitor for a period set by severity");
    }
  });

  it("setting the type copies the steps; ticking says who and when on the timeline; 409 on a double tick", async () => {
    const [ransom] = await t.db.select().from(incidentTypes).where(eq(incidentTypes.key, "ransomware"));
    const set = await callRoute(typeRoute.PUT, { method: "PUT", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open! }, body: { typeId: ransom!.id } });
    expect(set.status).toBe(200);
    expect(set.json.data.type.name).toBe("Ransomware / extortion");
    expect(set.json.data.items).toHaveLength(ransom!.steps.length);
    const first = set.json.data.items[0];
    const tick = await callRoute(tickRoute.POST, { method: "POST", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open!, itemId: first.id }, body: { done: true } });
    expect(tick.status).toBe(200);
    expect(tick.json.data.doneBy.id).toBe(tok.engineer.id);
    const twice = await callRoute(tickRoute.POST, { method: "POST", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open!, itemId: first.id }, body: { done: true } });
    expect(twice.status).toBe(409);
    const bad = await callRoute(tickRoute.POST, { method: "POST", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open!, itemId: first.id }, body: {} });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("done");
    const rows = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, ids.open!), eq(incidentTimeline.kind, "checklist")));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(tok.engineer.id);
    expect(rows[0]!.message).toBe(`Done: ${first.title}`);
    // Changing the type keeps the ticked step and replaces the rest.
    const [outage] = await t.db.select().from(incidentTypes).where(eq(incidentTypes.key, "service_outage"));
    const changed = await setIncidentType({ ctx: await ctxFor(t.db, tok.engineer.id, NOW), input: { incidentId: ids.open, typeId: outage!.id } });
    expect(changed.items).toHaveLength(outage!.steps.length + 1);
    expect(changed.items[0]!.doneAt).not.toBeNull();
    const get = await callRoute(checklistRoute.GET, { path: "/x", token: tok.stakeholder.token, params: { incidentId: ids.open! } });
    expect(get.status).toBe(403);
    const unknown = await callRoute(typeRoute.PUT, { method: "PUT", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open! }, body: { typeId: "nope" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0].path).toBe("typeId");
  });

  it("managers edit a template; engineers may not; an empty checklist or step title is refused naming the field", async () => {
    const [outage] = await t.db.select().from(incidentTypes).where(eq(incidentTypes.key, "service_outage"));
    const mgr = await ctxFor(t.db, tok.manager.id, NOW);
    const saved = await updateIncidentType({ ctx: mgr, input: { typeId: outage!.id, steps: [{ title: "Check the provider's status page", section: "Assess" }, ...outage!.steps] } });
    expect(saved.steps[0]).toEqual({ title: "Check the provider's status page", section: "Assess" });
    await expect(updateIncidentType({ ctx: await ctxFor(t.db, tok.engineer.id, NOW), input: { typeId: outage!.id, steps: outage!.steps } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateIncidentType({ ctx: mgr, input: { typeId: outage!.id, steps: [] } })).rejects.toMatchObject({ issues: [{ path: "steps" }] });
    await expect(updateIncidentType({ ctx: mgr, input: { typeId: outage!.id, steps: [{ title: " " }] } })).rejects.toMatchObject({ issues: [{ path: "steps.0.title" }] });
  });

  it("untick reopens a step", async () => {
    const ctx = await ctxFor(t.db, tok.engineer.id, NOW);
    const list = await listChecklist(ctx, ids.open!);
    const done = list.items.find((i) => i.doneAt)!;
    const item = await tickChecklistItem({ ctx, input: { incidentId: ids.open, itemId: done.id, done: false } });
    expect(item.doneAt).toBeNull();
  });
});

describe("status updates", () => {
  it("are posted with a phase and message, public on the timeline, listed newest first; stakeholders read but can't post", async () => {
    const post = await callRoute(statusRoute.POST, { method: "POST", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open! }, body: { phase: "identified", message: "The print spooler crashed after patching." } });
    expect(post.status).toBe(201);
    await postStatusUpdate({ ctx: await ctxFor(t.db, tok.engineer.id, new Date(Date.now() + 60_000)), input: { incidentId: ids.open, phase: "monitoring", message: "Spooler restarted; watching." } });
    const bad = await callRoute(statusRoute.POST, { method: "POST", path: "/x", token: tok.engineer.token, params: { incidentId: ids.open! }, body: { phase: "panicking", message: "" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["message", "phase"]);
    const refused = await callRoute(statusRoute.POST, { method: "POST", path: "/x", token: tok.stakeholder.token, params: { incidentId: ids.open! }, body: { phase: "identified", message: "hi" } });
    expect(refused.status).toBe(403);
    const sctx = await ctxFor(t.db, ids.stakeholder!, NOW);
    const timeline = await listIncidentTimeline(sctx, ids.open!);
    expect(timeline.filter((r) => r.kind === "status_update").map((r) => r.message)).toEqual(["Identified: The print spooler crashed after patching.", "Monitoring: Spooler restarted; watching."]);
    const list = await callRoute(statusRoute.GET, { path: "/x", token: tok.engineer.token, params: { incidentId: ids.open! } });
    expect(list.json.data.map((u: { phase: string }) => u.phase)).toEqual(["monitoring", "identified"]);
    const theirs = await listStatusUpdates(sctx, ids.open!);
    expect(theirs.map((u) => [u.phase, u.author?.id])).toEqual([["monitoring", ""], ["identified", ""]]);
  });

  it("a confidential incident's status updates are a 404 for a bystander", async () => {
    await expect(postStatusUpdate({ ctx: await ctxFor(t.db, ids.bystander!, NOW), input: { incidentId: ids.secret, phase: "identified", message: "x" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(breakGlass({ ctx: await ctxFor(t.db, ids.bystander!, NOW), input: { incidentId: ids.secret, reason: "I am curious about it" } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

it("the OpenAPI document lists the workspace endpoints", async () => {
  const res = await callRoute(async (req) => openapiRoute.GET(req), { path: "/api/v1/openapi.json" });
  for (const p of ["/api/v1/incidents/{incidentId}/participants", "/api/v1/incidents/{incidentId}/type", "/api/v1/incidents/{incidentId}/checklist/{itemId}/tick", "/api/v1/incidents/{incidentId}/status-updates", "/api/v1/incidents/{incidentId}/confidential", "/api/v1/incidents/{incidentId}/break-glass"]) expect(res.json.paths[p]).toBeDefined();
  expect(res.json.paths["/api/v1/incidents/{incidentId}/type"].put).toBeDefined();
});
