import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { and, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { evidenceItems, incidentTimeline, outboxMessages, stakeholderUpdates } from "@/db/schema";
import { makeClient, makeIncident, makeService, makeTeam, makeUser, ctxFor } from "@/db/test/factories";
import { callRoute, type RouteHandler } from "@/db/test/route-call";
import { createTestDatabase } from "@/db/test/test-database";
import { createToken } from "@/lib/tokens/create-token";
import { setTransport } from "@/lib/mailer";
import * as evidenceRoute from "./incidents/[incidentId]/evidence/route";
import * as custodyRoute from "./incidents/[incidentId]/evidence/[evidenceId]/custody/route";
import * as contentRoute from "./incidents/[incidentId]/evidence/[evidenceId]/content/route";
import * as contactsRoute from "./clients/[clientId]/contacts/route";
import * as contactRoute from "./clients/[clientId]/contacts/[contactId]/route";
import * as templatesRoute from "./message-templates/route";
import * as templateRoute from "./message-templates/[templateId]/route";
import * as updatesRoute from "./incidents/[incidentId]/stakeholder-updates/route";
import * as previewRoute from "./incidents/[incidentId]/stakeholder-updates/preview/route";
import * as openapiRoute from "./openapi.json/route";
import * as timelineRoute from "./incidents/[incidentId]/timeline/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  setTransport(undefined);
  const people = {
    manager: await makeUser(t.db, { role: "manager", name: "Mona Manager" }),
    engineer: await makeUser(t.db, { role: "engineer", name: "Erin Engineer" }),
    outsider: await makeUser(t.db, { role: "engineer" }),
    stakeholder: await makeUser(t.db, { role: "stakeholder", email: `ceo-${crypto.randomUUID().slice(0, 8)}@acme.test` }),
    // A stakeholder of the same client who is in no audience's contact list.
    bystander: await makeUser(t.db, { role: "stakeholder", email: `it-${crypto.randomUUID().slice(0, 8)}@acme.test` }),
  };
  for (const [k, u] of Object.entries(people)) {
    ids[k] = u.id;
    ids[`${k}Email`] = u.email;
    tok[k] = (await createToken({ ctx: await ctxFor(t.db, u.id), input: { name: k } })).token;
  }
  const team = await makeTeam(t.db, [{ userId: people.engineer.id }]);
  const otherTeam = await makeTeam(t.db, [{ userId: people.outsider.id }]);
  const client = await makeClient(t.db, { teamIds: [team.id], stakeholderIds: [people.stakeholder.id, people.bystander.id], timeZone: "Europe/Berlin" });
  await makeClient(t.db, { teamIds: [otherTeam.id] });
  const service = await makeService(t.db, { clientId: client.id, teamId: team.id, name: "Practice management" });
  ids.client = client.id;
  ids.incident = (await makeIncident(t.db, service, { at: new Date("2026-11-23T11:00:00Z"), title: "PMS database unreachable" })).id;
  await t.db.insert(incidentTimeline).values({ incidentId: ids.incident, at: new Date("2026-11-23T11:05:00Z"), kind: "note", actorType: "user", actorLabel: "Erin", message: "INTERNAL: root password was in the ticket", internal: true });
});
afterAll(async () => {
  setTransport(undefined);
  useDbHandle(undefined);
  await t.drop();
});

const inc = () => ({ incidentId: ids.incident! });
async function upload(token: string, name: string, bytes: Uint8Array, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("name", name);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  form.set("file", new Blob([Buffer.from(bytes)], { type: "text/plain" }), name);
  const req = new NextRequest(`http://localhost:3000/api/v1/incidents/${ids.incident}/evidence`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const res = await (evidenceRoute.POST as RouteHandler)(req, { params: Promise.resolve(inc()) });
  return { status: res.status, json: await res.json() };
}

describe("evidence over REST", () => {
  it("a multipart upload is hashed server-side; the download re-checks it and carries the hash", async () => {
    const bytes = new TextEncoder().encode("Nov 23 11:02 sshd: Accepted password for root from 203.0.113.7\n");
    const res = await upload(tok.engineer!, "auth.log", bytes, { method: "scp from pms-01", location: "Baton" });
    expect(res.status).toBe(201);
    expect(res.json.data.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const req = new NextRequest(`http://localhost:3000/x`, { headers: { authorization: `Bearer ${tok.engineer}` } });
    const dl = await (contentRoute.GET as RouteHandler)(req, { params: Promise.resolve({ ...inc(), evidenceId: res.json.data.id }) });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("x-content-sha256")).toBe(res.json.data.sha256);
    expect(Buffer.from(await dl.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    await t.db.update(evidenceItems).set({ content: Buffer.from("tampered") }).where(eq(evidenceItems.id, res.json.data.id));
    const bad = await callRoute(contentRoute.GET as RouteHandler, { path: "/x", token: tok.engineer, params: { ...inc(), evidenceId: res.json.data.id } });
    expect(bad.status).toBe(409);
    expect(bad.json.error.message).toContain("failed its integrity check");
  });

  it("JSON with an entered SHA-256, a handover, and the list", async () => {
    const created = await callRoute(evidenceRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: inc(), body: { name: "pms-01.e01", sha256: "c".repeat(64), location: "Evidence safe, Leeds" } });
    expect(created.status).toBe(201);
    const handed = await callRoute(custodyRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: { ...inc(), evidenceId: created.json.data.id }, body: { to: "Forensics lab", purpose: "Imaging" } });
    expect(handed.status).toBe(201);
    expect(handed.json.data.custody.map((c: { to: string }) => c.to)).toEqual(["Evidence safe, Leeds", "Forensics lab"]);
    const listed = await callRoute(evidenceRoute.GET as RouteHandler, { path: "/x", token: tok.manager, params: inc() });
    expect(listed.json.data.length).toBeGreaterThanOrEqual(2);
  });

  it("bad input is a 400 naming the field; a stakeholder is refused; another client's engineer gets 404", async () => {
    const bad = await callRoute(evidenceRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: inc(), body: { name: "x", sha256: "not-a-hash", location: "y" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("sha256");
    const noTo = await callRoute(custodyRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: { ...inc(), evidenceId: "nope" }, body: {} });
    expect(noTo.status).toBe(400);
    expect(noTo.json.error.issues[0].path).toBe("to");
    expect((await callRoute(evidenceRoute.GET as RouteHandler, { path: "/x", token: tok.stakeholder, params: inc() })).status).toBe(403);
    expect((await upload(tok.stakeholder!, "x.txt", new Uint8Array([1]))).status).toBe(403);
    expect((await callRoute(evidenceRoute.GET as RouteHandler, { path: "/x", token: tok.outsider, params: inc() })).status).toBe(404);
    expect((await upload(tok.outsider!, "x.txt", new Uint8Array([1]))).status).toBe(404);
  });
});

describe("stakeholder communications over REST", () => {
  const updateBody = { audiences: ["management", "customer"], impact: "Appointments cannot be booked at either practice", nextUpdateAt: "2026-11-23T16:30:00Z", message: "We have failed over to the standby database." };

  it("directory and templates: create, update, delete; bad input names the field; stakeholders are refused", async () => {
    const bad = await callRoute(contactsRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.manager, params: { clientId: ids.client! }, body: { name: "X", role: "ceo" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("role");
    const mgmt = await callRoute(contactsRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.manager, params: { clientId: ids.client! }, body: { name: "Clara CEO", role: "management", email: ids.stakeholderEmail, phone: "+49 30 1234567", preferredChannel: "phone", whenToCall: "Any time for P1" } });
    expect(mgmt.status).toBe(201);
    const cust = await callRoute(contactsRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.manager, params: { clientId: ids.client! }, body: { name: "Front desk", role: "customer", email: "frontdesk@acme.test" } });
    const patched = await callRoute(contactRoute.PATCH as RouteHandler, { method: "PATCH", path: "/x", token: tok.manager, params: { clientId: ids.client!, contactId: cust.json.data.id }, body: { name: "Front desk team", role: "customer", email: "frontdesk@acme.test" } });
    expect(patched.json.data.name).toBe("Front desk team");
    const doomed = await callRoute(contactsRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.manager, params: { clientId: ids.client! }, body: { name: "Gone", role: "legal" } });
    expect((await callRoute(contactRoute.DELETE as RouteHandler, { method: "DELETE", path: "/x", token: tok.manager, params: { clientId: ids.client!, contactId: doomed.json.data.id } })).status).toBe(204);
    expect((await callRoute(contactsRoute.GET as RouteHandler, { path: "/x", token: tok.engineer, params: { clientId: ids.client! } })).json.data).toHaveLength(2);
    expect((await callRoute(contactsRoute.GET as RouteHandler, { path: "/x", token: tok.stakeholder, params: { clientId: ids.client! } })).status).toBe(403);
    expect((await callRoute(contactsRoute.GET as RouteHandler, { path: "/x", token: tok.outsider, params: { clientId: ids.client! } })).status).toBe(404);
    expect((await callRoute(contactsRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: { clientId: ids.client! }, body: { name: "X", role: "owner" } })).status).toBe(403);

    const broken = await callRoute(templatesRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.manager, body: { audience: "customer", name: "Broken", subject: "Hi", body: "{{#if}}" } });
    expect(broken.status).toBe(400);
    expect(broken.json.error.issues[0].path).toBe("body");
    const global = await callRoute(templatesRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.manager, body: { audience: "management", name: "Management", subject: "[{{client}}] #{{incident.number}} {{status}}", body: "{{incident.title}}\nImpact: {{impact}}\n{{updateMessage}}\nNext update: {{nextUpdateAt}}\n— {{senderName}}" } });
    expect(global.status).toBe(201);
    const own = await callRoute(templatesRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.manager, body: { clientId: ids.client, audience: "customer", name: "Patients", subject: "Service notice from {{client}}", body: "We're sorry: {{service}} is affected. {{impact}}. Next update {{nextUpdateAt}}." } });
    expect(own.status).toBe(201);
    const renamed = await callRoute(templateRoute.PATCH as RouteHandler, { method: "PATCH", path: "/x", token: tok.manager, params: { templateId: own.json.data.id }, body: { ...own.json.data, name: "Patients and front desk", id: undefined, clientId: undefined, updatedAt: undefined } });
    expect(renamed.json.data.name).toBe("Patients and front desk");
    const listed = await callRoute(templatesRoute.GET as RouteHandler, { path: `/x?clientId=${ids.client}`, token: tok.engineer });
    expect(listed.json.data.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["Management", "Patients and front desk"]));
    const extra = await callRoute(templatesRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.manager, body: { audience: "vendor", name: "Tmp", subject: "x", body: "y" } });
    expect((await callRoute(templateRoute.DELETE as RouteHandler, { method: "DELETE", path: "/x", token: tok.manager, params: { templateId: extra.json.data.id } })).status).toBe(204);
  });

  it("a missing variable is a 400 naming it, and nothing is sent or stored", async () => {
    const before = (await t.db.select().from(outboxMessages)).length;
    const res = await callRoute(updatesRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: inc(), body: { ...updateBody, impact: "" } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain("{{impact}}");
    expect(res.json.error.issues[0].path).toBe("management.body");
    const noRecipients = await callRoute(previewRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: inc(), body: { ...updateBody, audiences: ["legal"] } });
    expect(noRecipients.status).toBe(400);
    expect(noRecipients.json.error.issues[0].path).toBe("audiences");
    expect((await t.db.select().from(outboxMessages)).length).toBe(before);
    expect(await t.db.select().from(stakeholderUpdates).where(eq(stakeholderUpdates.incidentId, ids.incident!))).toHaveLength(0);
  });

  it("preview renders per audience in the client's zone; sending emails each contact once, stores the update and writes the timeline", async () => {
    const preview = await callRoute(previewRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: inc(), body: updateBody });
    expect(preview.status).toBe(200);
    const [mgmt, cust] = preview.json.data.messages;
    expect(mgmt.subject).toMatch(/^\[.+\] #\d+ Investigating$/);
    expect(mgmt.body).toContain("Next update: Mon, 23 Nov 2026, 17:30 CET");
    expect(mgmt.body).toContain("— Erin Engineer");
    expect(cust.body).toContain("Practice management is affected");
    expect(cust.recipients).toEqual([expect.objectContaining({ email: "frontdesk@acme.test" })]);
    const sent = await callRoute(updatesRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.engineer, params: inc(), body: updateBody });
    expect(sent.status).toBe(201);
    expect(sent.json.data.failed).toEqual([]);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, "frontdesk@acme.test"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Service notice from /);
    expect(mails[0]!.idempotencyKey).toContain(sent.json.data.id);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, ids.stakeholderEmail!))).toHaveLength(1);
    const [row] = await t.db.select().from(incidentTimeline).where(and(eq(incidentTimeline.incidentId, ids.incident!), eq(incidentTimeline.kind, "stakeholder_update")));
    expect(row).toMatchObject({ internal: true, message: "Update sent to Management, Customer (2 recipients)" });
  });

  it("a stakeholder reads the updates meant for them, without recipients or internal notes", async () => {
    const mine = await callRoute(updatesRoute.GET as RouteHandler, { path: "/x", token: tok.stakeholder, params: inc() });
    expect(mine.status).toBe(200);
    expect(mine.json.data).toHaveLength(1);
    expect(mine.json.data[0].messages).toHaveLength(1);
    expect(mine.json.data[0].messages[0]).not.toHaveProperty("recipients");
    expect(mine.json.data[0].messages[0].audience).toBe("management");
    expect(JSON.stringify(mine.json)).not.toContain("INTERNAL");
    // Nor who else was told: the timeline's "Update sent to …" row is for staff.
    const timeline = await callRoute(timelineRoute.GET as RouteHandler, { path: "/x", token: tok.stakeholder, params: inc() });
    expect(timeline.status).toBe(200);
    expect(JSON.stringify(timeline.json)).not.toMatch(/Update sent|recipient/);
    const staffTimeline = await callRoute(timelineRoute.GET as RouteHandler, { path: "/x", token: tok.engineer, params: inc() });
    expect(JSON.stringify(staffTimeline.json)).toContain("Update sent to Management, Customer (2 recipients)");
    // Need to know: a stakeholder addressed by no message reads none of them (not every audience's).
    const bystander = await callRoute(updatesRoute.GET as RouteHandler, { path: "/x", token: tok.bystander, params: inc() });
    expect(bystander.status).toBe(200);
    expect(bystander.json.data).toEqual([]);
    const staff = await callRoute(updatesRoute.GET as RouteHandler, { path: "/x", token: tok.engineer, params: inc() });
    expect(staff.json.data[0].messages).toHaveLength(2);
    expect((await callRoute(updatesRoute.GET as RouteHandler, { path: "/x", token: tok.outsider, params: inc() })).status).toBe(404);
    expect((await callRoute(updatesRoute.POST as RouteHandler, { method: "POST", path: "/x", token: tok.stakeholder, params: inc(), body: updateBody })).status).toBe(403);
  });

  it("the endpoints are in the OpenAPI document", async () => {
    const doc = (await callRoute(openapiRoute.GET as unknown as RouteHandler, { path: "/api/v1/openapi.json" })).json;
    for (const p of ["/api/v1/incidents/{incidentId}/evidence", "/api/v1/incidents/{incidentId}/evidence/{evidenceId}/custody", "/api/v1/incidents/{incidentId}/evidence/{evidenceId}/content", "/api/v1/clients/{clientId}/contacts", "/api/v1/message-templates/{templateId}", "/api/v1/incidents/{incidentId}/stakeholder-updates/preview"]) expect(doc.paths[p]).toBeDefined();
  });
});
