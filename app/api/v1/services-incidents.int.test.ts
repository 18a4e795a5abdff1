import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { count, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { auditLog, integrationKeys, services } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { ctxFor, makeClient, makeIntegrationKey, makeService, makeTeam, makeUser } from "@/db/test/factories";
import { createToken } from "@/lib/tokens/create-token";
import { handleEnqueue } from "@/lib/ingest/enqueue-handler";
import { getIncident, listIncidents } from "@/lib/incidents/read-incidents";
import { NotFoundError } from "@/lib/errors";
import * as servicesRoute from "./services/route";
import * as serviceRoute from "./services/[serviceId]/route";
import * as keysRoute from "./services/[serviceId]/integration-keys/route";
import * as keyRoute from "./services/[serviceId]/integration-keys/[keyId]/route";
import * as rulesRoute from "./services/[serviceId]/priority-rules/route";
import * as windowsRoute from "./services/[serviceId]/maintenance-windows/route";
import * as windowRoute from "./services/[serviceId]/maintenance-windows/[windowId]/route";
import * as heartbeatsRoute from "./services/[serviceId]/heartbeats/route";
import * as heartbeatRoute from "./services/[serviceId]/heartbeats/[heartbeatId]/route";
import * as policyRoute from "./clients/[clientId]/alert-policy/route";
import * as incidentsRoute from "./incidents/route";
import * as incidentRoute from "./incidents/[incidentId]/route";
import * as ackRoute from "./incidents/[incidentId]/acknowledge/route";
import * as resolveRoute from "./incidents/[incidentId]/resolve/route";
import * as notesRoute from "./incidents/[incidentId]/notes/route";
import * as timelineRoute from "./incidents/[incidentId]/timeline/route";
import * as eventsRoute from "./incidents/[incidentId]/events/route";
import * as openapiRoute from "./openapi.json/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let routingKey = "";

async function trigger(rk: string, dedupKey: string, summary = "Disk full on pms-01") {
  const res = await handleEnqueue(new Request("http://localhost/v2/enqueue", { method: "POST", body: JSON.stringify({ routing_key: rk, event_action: "trigger", dedup_key: dedupKey, payload: { summary, source: "pms-01", severity: "critical" } }) }));
  expect(res.status).toBe(202);
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  for (const role of ["admin", "manager", "engineer", "stakeholder"] as const) {
    const u = await makeUser(t.db, { role });
    ids[role] = u.id;
    tokens[role] = (await createToken({ ctx: await ctxFor(t.db, u.id), input: { name: `${role} token` } })).token;
  }
  const otherStakeholder = await makeUser(t.db, { role: "stakeholder" });
  ids.otherStakeholder = otherStakeholder.id;
  tokens.otherStakeholder = (await createToken({ ctx: await ctxFor(t.db, otherStakeholder.id), input: { name: "other" } })).token;
  const team = await makeTeam(t.db, [{ userId: ids.engineer! }]);
  ids.team = team.id;
  ids.otherTeam = (await makeTeam(t.db)).id;
  ids.ownClient = (await makeClient(t.db, { stakeholderIds: [ids.stakeholder!], teamIds: [team.id] })).id;
  ids.otherClient = (await makeClient(t.db, { stakeholderIds: [otherStakeholder.id], teamIds: [ids.otherTeam] })).id;
  const own = await makeService(t.db, { clientId: ids.ownClient, teamId: team.id });
  const other = await makeService(t.db, { clientId: ids.otherClient, teamId: ids.otherTeam });
  ids.ownService = own.id;
  ids.otherService = other.id;
  routingKey = (await makeIntegrationKey(t.db, own.id)).key;
  const otherKey = (await makeIntegrationKey(t.db, other.id)).key;
  await trigger(routingKey, "own-1");
  await trigger(otherKey, "other-1", "Globex scanner offline");
  const mgr = await ctxFor(t.db, ids.manager!);
  const all = await listIncidents(mgr, { limit: 50 });
  ids.ownIncident = all.data.find((i) => i.client.id === ids.ownClient)!.id;
  ids.otherIncident = all.data.find((i) => i.client.id === ids.otherClient)!.id;
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

type Handler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, opts: { method?: string; path?: string; role?: string; body?: unknown; params?: Record<string, string> }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.role) headers.authorization = `Bearer ${tokens[opts.role]}`;
  const req = new NextRequest(`http://localhost:3000${opts.path ?? "/api/v1/x"}`, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

describe("each new route refuses the roles that may not use it", () => {
  const svc = () => ({ serviceId: ids.ownService! });
  const inc = () => ({ incidentId: ids.ownIncident! });
  const cases: { name: string; role: string; handler: () => Handler; method: string; params?: () => Record<string, string>; body?: unknown; status: number }[] = [
    { name: "stakeholder lists services", role: "stakeholder", handler: () => servicesRoute.GET, method: "GET", status: 403 },
    { name: "engineer creates a service", role: "engineer", handler: () => servicesRoute.POST, method: "POST", body: { name: "X", clientId: "c", teamId: "t" }, status: 403 },
    { name: "stakeholder reads a service", role: "stakeholder", handler: () => serviceRoute.GET, method: "GET", params: svc, status: 403 },
    { name: "engineer reads another client's service", role: "engineer", handler: () => serviceRoute.GET, method: "GET", params: () => ({ serviceId: ids.otherService! }), status: 404 },
    { name: "engineer renames a service", role: "engineer", handler: () => serviceRoute.PATCH, method: "PATCH", params: svc, body: { name: "Y" }, status: 403 },
    { name: "engineer deletes a service", role: "engineer", handler: () => serviceRoute.DELETE, method: "DELETE", params: svc, status: 403 },
    { name: "stakeholder lists keys", role: "stakeholder", handler: () => keysRoute.GET, method: "GET", params: svc, status: 403 },
    { name: "engineer creates a key", role: "engineer", handler: () => keysRoute.POST, method: "POST", params: svc, body: { name: "k" }, status: 403 },
    { name: "engineer revokes a key", role: "engineer", handler: () => keyRoute.DELETE, method: "DELETE", params: () => ({ ...svc(), keyId: "k" }), status: 403 },
    { name: "stakeholder reads priority rules", role: "stakeholder", handler: () => rulesRoute.GET, method: "GET", params: svc, status: 403 },
    { name: "engineer sets priority rules", role: "engineer", handler: () => rulesRoute.PATCH, method: "PATCH", params: svc, body: { rules: [] }, status: 403 },
    { name: "stakeholder lists maintenance", role: "stakeholder", handler: () => windowsRoute.GET, method: "GET", params: svc, status: 403 },
    { name: "stakeholder schedules maintenance", role: "stakeholder", handler: () => windowsRoute.POST, method: "POST", params: svc, body: { startsAt: "2026-11-23T12:00:00Z", endsAt: "2026-11-23T13:00:00Z" }, status: 403 },
    { name: "engineer schedules maintenance on another client", role: "engineer", handler: () => windowsRoute.POST, method: "POST", params: () => ({ serviceId: ids.otherService! }), body: { startsAt: "2030-11-23T12:00:00Z", endsAt: "2030-11-23T13:00:00Z" }, status: 404 },
    { name: "stakeholder ends maintenance", role: "stakeholder", handler: () => windowRoute.DELETE, method: "DELETE", params: () => ({ ...svc(), windowId: "w" }), status: 403 },
    { name: "stakeholder lists heartbeats", role: "stakeholder", handler: () => heartbeatsRoute.GET, method: "GET", params: svc, status: 403 },
    { name: "engineer creates a heartbeat", role: "engineer", handler: () => heartbeatsRoute.POST, method: "POST", params: svc, body: { name: "h", intervalMinutes: 5 }, status: 403 },
    { name: "engineer deletes a heartbeat", role: "engineer", handler: () => heartbeatRoute.DELETE, method: "DELETE", params: () => ({ ...svc(), heartbeatId: "h" }), status: 403 },
    { name: "stakeholder reads the client alert policy", role: "stakeholder", handler: () => policyRoute.GET, method: "GET", params: () => ({ clientId: ids.ownClient! }), status: 403 },
    { name: "engineer sets the client alert policy", role: "engineer", handler: () => policyRoute.PATCH, method: "PATCH", params: () => ({ clientId: ids.ownClient! }), body: { lowPriority: "record" }, status: 403 },
    { name: "stakeholder reads another client's incident", role: "stakeholder", handler: () => incidentRoute.GET, method: "GET", params: () => ({ incidentId: ids.otherIncident! }), status: 404 },
    { name: "engineer reads another client's incident", role: "engineer", handler: () => incidentRoute.GET, method: "GET", params: () => ({ incidentId: ids.otherIncident! }), status: 404 },
    { name: "stakeholder reads another client's timeline", role: "stakeholder", handler: () => timelineRoute.GET, method: "GET", params: () => ({ incidentId: ids.otherIncident! }), status: 404 },
    { name: "stakeholder acknowledges", role: "stakeholder", handler: () => ackRoute.POST, method: "POST", params: inc, status: 403 },
    { name: "stakeholder resolves", role: "stakeholder", handler: () => resolveRoute.POST, method: "POST", params: inc, status: 403 },
    { name: "stakeholder adds a note", role: "stakeholder", handler: () => notesRoute.POST, method: "POST", params: inc, body: { body: "hi" }, status: 403 },
    { name: "stakeholder reads raw events", role: "stakeholder", handler: () => eventsRoute.GET, method: "GET", params: inc, status: 403 },
    { name: "engineer acknowledges another client's incident", role: "engineer", handler: () => ackRoute.POST, method: "POST", params: () => ({ incidentId: ids.otherIncident! }), status: 404 },
    { name: "stakeholder declares an incident", role: "stakeholder", handler: () => incidentsRoute.POST, method: "POST", body: { serviceId: "s", title: "Our website is down" }, status: 403 },
    {
      name: "engineer declares an incident on another client's service",
      role: "engineer",
      handler: () => incidentsRoute.POST,
      method: "POST",
      get body() {
        return { serviceId: ids.otherService, title: "Not ours" };
      },
      status: 404,
    },
  ];
  it.each(cases)("$name → $status", async (c) => {
    const r = await call(c.handler(), { method: c.method, role: c.role, body: c.body, params: c.params?.() });
    expect(r.status).toBe(c.status);
    expect(r.json.error.code).toBe(c.status === 403 ? "forbidden" : "not_found");
  });

  it("without a token every route is 401", async () => {
    expect((await call(incidentsRoute.GET, {})).status).toBe(401);
    expect((await call(servicesRoute.GET, {})).status).toBe(401);
  });
});

describe("incidents over REST and by use case", () => {
  it("a stakeholder of one client sees only its incidents, without internal details; another client's incident is not found", async () => {
    const list = await call(incidentsRoute.GET, { role: "stakeholder" });
    expect(list.status).toBe(200);
    expect(list.json.data.map((i: { id: string }) => i.id)).toEqual([ids.ownIncident]);
    expect(list.json.data[0].team).toBeNull();
    const one = await call(incidentRoute.GET, { role: "stakeholder", params: { incidentId: ids.ownIncident! } });
    expect(one.json.data).toMatchObject({ id: ids.ownIncident, alert: null, team: null });
    const ctx = await ctxFor(t.db, ids.stakeholder!);
    await expect(getIncident(ctx, ids.otherIncident!)).rejects.toBeInstanceOf(NotFoundError);
    const denied = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.targetId, ids.otherIncident!));
    expect(denied[0]!.n).toBeGreaterThan(0);
    const theirs = await call(incidentsRoute.GET, { role: "otherStakeholder" });
    expect(theirs.json.data.map((i: { id: string }) => i.id)).toEqual([ids.otherIncident]);
  });

  it("an engineer acknowledges, notes and resolves; repeats are 409; the stakeholder's timeline has no notes", async () => {
    const ack = await call(ackRoute.POST, { method: "POST", role: "engineer", params: { incidentId: ids.ownIncident! } });
    expect(ack.status).toBe(200);
    expect(ack.json.data).toMatchObject({ status: "acknowledged", acknowledgedBy: { id: ids.engineer } });
    expect((await call(ackRoute.POST, { method: "POST", role: "engineer", params: { incidentId: ids.ownIncident! } })).status).toBe(409);
    const note = await call(notesRoute.POST, { method: "POST", role: "engineer", params: { incidentId: ids.ownIncident! }, body: { body: "Restarted the PMS service; watching." } });
    expect(note.status).toBe(201);
    expect(note.json.data).toMatchObject({ kind: "note", internal: true });
    const emptyNote = await call(notesRoute.POST, { method: "POST", role: "engineer", params: { incidentId: ids.ownIncident! }, body: { body: "  " } });
    expect(emptyNote.status).toBe(400);
    expect(emptyNote.json.error.issues[0].path).toBe("body");
    const resolved = await call(resolveRoute.POST, { method: "POST", role: "engineer", params: { incidentId: ids.ownIncident! } });
    expect(resolved.json.data).toMatchObject({ status: "resolved", resolvedBy: { id: ids.engineer } });
    expect((await call(resolveRoute.POST, { method: "POST", role: "engineer", params: { incidentId: ids.ownIncident! } })).status).toBe(409);
    const internal = await call(timelineRoute.GET, { role: "engineer", params: { incidentId: ids.ownIncident! } });
    expect(internal.json.data.map((r: { kind: string }) => r.kind)).toEqual(["received", "prioritised", "triggered", "acknowledged", "note", "resolved"]);
    const external = await call(timelineRoute.GET, { role: "stakeholder", params: { incidentId: ids.ownIncident! } });
    expect(external.json.data.map((r: { kind: string }) => r.kind)).toEqual(["triggered", "acknowledged", "resolved"]);
    expect(external.json.data[0].actor).toEqual({ type: "integration", id: null, label: "Events API v2" });
    const events = await call(eventsRoute.GET, { role: "engineer", params: { incidentId: ids.ownIncident! } });
    expect(events.json.data[0].payload.routing_key).toMatch(/…\(redacted\)$/);
    // Resolved by a person: the next trigger with the same dedup key opens a new incident.
    await trigger(routingKey, "own-1");
    const open = await call(incidentsRoute.GET, { role: "engineer", path: "/api/v1/incidents?status=open" });
    expect(open.json.data).toHaveLength(1);
    expect(open.json.data[0].id).not.toBe(ids.ownIncident);
  });

  it("filters and searches; bad filters are 400 naming the field", async () => {
    const mgr = "manager";
    const byClient = await call(incidentsRoute.GET, { role: mgr, path: `/api/v1/incidents?clientId=${ids.otherClient}` });
    expect(byClient.json.data.map((i: { id: string }) => i.id)).toEqual([ids.otherIncident]);
    const search = await call(incidentsRoute.GET, { role: mgr, path: "/api/v1/incidents?q=scanner" });
    expect(search.json.data.map((i: { id: string }) => i.id)).toEqual([ids.otherIncident]);
    const byDedup = await call(incidentsRoute.GET, { role: mgr, path: "/api/v1/incidents?q=other-1" });
    expect(byDedup.json.data.map((i: { id: string }) => i.id)).toEqual([ids.otherIncident]);
    const byPriority = await call(incidentsRoute.GET, { role: mgr, path: "/api/v1/incidents?priority=low" });
    expect(byPriority.json.data).toEqual([]);
    const future = await call(incidentsRoute.GET, { role: mgr, path: "/api/v1/incidents?since=2199-01-01T00:00:00Z" });
    expect(future.json.data).toEqual([]);
    const page1 = await call(incidentsRoute.GET, { role: mgr, path: "/api/v1/incidents?limit=1" });
    const page2 = await call(incidentsRoute.GET, { role: mgr, path: `/api/v1/incidents?limit=1&cursor=${page1.json.nextCursor}` });
    expect(page2.json.data[0].id).not.toBe(page1.json.data[0].id);
    const bad = await call(incidentsRoute.GET, { role: mgr, path: "/api/v1/incidents?status=burning&since=yesterday" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["query.since", "query.status"]);
  });
});

describe("services over REST", () => {
  it("a manager creates a service, a key shown once, rules, maintenance and a heartbeat; revokes the key", async () => {
    const created = await call(servicesRoute.POST, { method: "POST", role: "manager", body: { name: "Initech Core Switches", clientId: ids.ownClient, teamId: ids.team } });
    expect(created.status).toBe(201);
    const serviceId = created.json.data.id;
    const wrongTeam = await call(servicesRoute.POST, { method: "POST", role: "manager", body: { name: "Nope", clientId: ids.ownClient, teamId: ids.otherTeam } });
    expect(wrongTeam.status).toBe(400);
    expect(wrongTeam.json.error.issues[0].path).toBe("teamId");
    expect((await call(servicesRoute.POST, { method: "POST", role: "manager", body: { name: "Initech Core Switches", clientId: ids.ownClient, teamId: ids.team } })).status).toBe(409);

    const key = await call(keysRoute.POST, { method: "POST", role: "manager", params: { serviceId }, body: { name: "Prometheus" } });
    expect(key.status).toBe(201);
    expect(key.json.data.key).toMatch(/^[a-z0-9]{32}$/);
    const [stored] = await t.db.select().from(integrationKeys).where(eq(integrationKeys.id, key.json.data.id));
    expect(JSON.stringify(stored)).not.toContain(key.json.data.key);
    const listed = await call(keysRoute.GET, { role: "engineer", params: { serviceId } });
    expect(listed.json.data[0]).not.toHaveProperty("key");

    const rules = await call(rulesRoute.PATCH, { method: "PATCH", role: "manager", params: { serviceId }, body: { rules: [{ name: "Uplinks are urgent", priority: "high", conditions: [{ field: "component", op: "contains", value: "uplink" }] }] } });
    expect(rules.json.data).toMatchObject([{ name: "Uplinks are urgent", position: 1 }]);
    const badRules = await call(rulesRoute.PATCH, { method: "PATCH", role: "manager", params: { serviceId }, body: { rules: [{ name: "x", priority: "high", conditions: [{ field: "summary", op: "regex", value: "(" }] }] } });
    expect(badRules.status).toBe(400);
    expect(badRules.json.error.issues[0].path).toBe("rules.0.conditions.0.value");

    const window = await call(windowsRoute.POST, { method: "POST", role: "engineer", params: { serviceId }, body: { startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-01-01T02:00:00Z", reason: "Firmware" } });
    expect(window.status).toBe(201);
    const backwards = await call(windowsRoute.POST, { method: "POST", role: "engineer", params: { serviceId }, body: { startsAt: "2030-01-01T02:00:00Z", endsAt: "2030-01-01T00:00:00Z" } });
    expect(backwards.json.error.issues[0].path).toBe("endsAt");
    expect((await call(windowRoute.DELETE, { method: "DELETE", role: "engineer", params: { serviceId, windowId: window.json.data.id } })).status).toBe(204);

    const hb = await call(heartbeatsRoute.POST, { method: "POST", role: "manager", params: { serviceId }, body: { name: "Backup job", intervalMinutes: 1440, graceMinutes: 30 } });
    expect(hb.status).toBe(201);
    expect(hb.json.data.pingUrl).toMatch(/^http:\/\/localhost:3000\/api\/v1\/heartbeats\/[a-z0-9]{32}$/);

    const detail = await call(serviceRoute.GET, { role: "engineer", params: { serviceId } });
    expect(detail.json.data).toMatchObject({ name: "Initech Core Switches", activeKeys: 1, heartbeats: [{ name: "Backup job", intervalMinutes: 1440 }], priorityRules: [{ name: "Uplinks are urgent" }] });
    // The key works (and this server now has its lookup cached): revoking it refuses it at once.
    const warm = await handleEnqueue(new Request("http://localhost/v2/enqueue", { method: "POST", body: JSON.stringify({ routing_key: key.json.data.key, event_action: "resolve", dedup_key: "nothing-open" }) }));
    expect(warm.status).toBe(202);
    expect((await call(keyRoute.DELETE, { method: "DELETE", role: "manager", params: { serviceId, keyId: key.json.data.id } })).status).toBe(204);
    expect((await call(keyRoute.DELETE, { method: "DELETE", role: "manager", params: { serviceId, keyId: key.json.data.id } })).status).toBe(404);
    const enqueue = await handleEnqueue(new Request("http://localhost/v2/enqueue", { method: "POST", body: JSON.stringify({ routing_key: key.json.data.key, event_action: "trigger", payload: { summary: "s", source: "s", severity: "info" } }) }));
    expect(enqueue.status).toBe(400);

    const policy = await call(policyRoute.PATCH, { method: "PATCH", role: "manager", params: { clientId: ids.ownClient! }, body: { lowPriority: "record", rules: [{ name: "Printers", priority: "low", conditions: [{ field: "source", op: "contains", value: "printer" }] }] } });
    expect(policy.json.data).toMatchObject({ lowPriority: "record", rules: [{ name: "Printers" }] });
    expect((await call(serviceRoute.DELETE, { method: "DELETE", role: "manager", params: { serviceId } })).status).toBe(204);
    expect((await t.db.select().from(services).where(eq(services.id, serviceId)))).toEqual([]);
    const withIncidents = await call(serviceRoute.DELETE, { method: "DELETE", role: "manager", params: { serviceId: ids.otherService! } });
    expect(withIncidents.status).toBe(409);
    // A client or team with services keeps them: deleting it is a conflict, not a 500.
    const { deleteClient } = await import("@/lib/clients/delete-client");
    const { deleteTeam } = await import("@/lib/teams/delete-team");
    const { ConflictError } = await import("@/lib/errors");
    const mgr = await ctxFor(t.db, ids.manager!);
    await expect(deleteClient({ ctx: mgr, input: { clientId: ids.otherClient! } })).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteTeam({ ctx: mgr, input: { teamId: ids.otherTeam! } })).rejects.toBeInstanceOf(ConflictError);
  });

  it("an engineer lists only the services of clients their teams serve", async () => {
    const r = await call(servicesRoute.GET, { role: "engineer" });
    expect(r.json.data.map((s: { id: string }) => s.id)).toEqual([ids.ownService]);
  });

  it("OpenAPI documents the new endpoints", async () => {
    const doc = await openapiRoute.GET(new NextRequest("http://localhost:3000/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/services", "/api/v1/services/{serviceId}/integration-keys", "/api/v1/incidents", "/api/v1/incidents/{incidentId}/acknowledge", "/api/v1/incidents/{incidentId}/timeline"]));
    expect(Object.keys(doc.paths["/api/v1/incidents"]).sort()).toEqual(["get", "post"]);
  });
});
