import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { callRoute, idsAndTokensByRole, type CallOptions, type RouteHandler } from "@/db/test/route-call";
import { count, eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { auditLog, teamHolidays, teams } from "@/db/schema";
import { createTestDatabase } from "@/db/test/test-database";
import { makeClient, makeTeam } from "@/db/test/factories";
import * as teamsRoute from "./teams/route";
import * as teamRoute from "./teams/[teamId]/route";
import * as membersRoute from "./teams/[teamId]/members/route";
import * as memberRoute from "./teams/[teamId]/members/[userId]/route";
import * as clientsRoute from "./clients/route";
import * as clientRoute from "./clients/[clientId]/route";
import * as contactsRoute from "./clients/[clientId]/contacts/route";
import * as alertPolicyRoute from "./clients/[clientId]/alert-policy/route";
import * as usersRoute from "./users/route";
import * as userRoute from "./users/[userId]/route";
import * as openapiRoute from "./openapi.json/route";
import * as healthRoute from "../health/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let tokens: Record<string, string> = {};
let ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  ({ ids, tokens } = await idsAndTokensByRole(t.db));
  const team = await makeTeam(t.db, [{ userId: ids.engineer! }]);
  ids.team = team.id;
  ids.otherTeam = (await makeTeam(t.db)).id;
  ids.ownClient = (await makeClient(t.db, { stakeholderIds: [ids.stakeholder!], teamIds: [team.id] })).id;
  ids.otherClient = (await makeClient(t.db)).id;
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

type Handler = RouteHandler;
const call = (handler: Handler, opts: Omit<CallOptions, "token"> & { role?: string }) => callRoute(handler, { ...opts, token: opts.role ? tokens[opts.role] : undefined });

describe("REST v1 conventions", () => {
  it("401 without a token, with the error shape, and the attempt is audited", async () => {
    const r = await call(teamsRoute.GET, { path: "/api/v1/teams" });
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    const [row] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "api.unauthorized"));
    expect(row!.n).toBeGreaterThan(0);
  });

  it("lists as { data, nextCursor } with working cursors", async () => {
    const first = await call(teamsRoute.GET, { path: "/api/v1/teams?limit=1", role: "manager" });
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(1);
    expect(typeof first.json.nextCursor).toBe("string");
    const second = await call(teamsRoute.GET, { path: `/api/v1/teams?limit=1&cursor=${first.json.nextCursor}`, role: "manager" });
    expect(second.json.data[0].id).not.toBe(first.json.data[0].id);
    const bad = await call(teamsRoute.GET, { path: "/api/v1/teams?cursor=nonsense", role: "manager" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("cursor");
    const limit = await call(teamsRoute.GET, { path: "/api/v1/teams?limit=0", role: "manager" });
    expect(limit.status).toBe(400);
    expect(limit.json.error.issues[0].path).toBe("query.limit");
  });

  it("400 for bad input names the field and writes nothing", async () => {
    const before = (await t.db.select({ n: count() }).from(teams))[0]!.n;
    for (const body of [{ name: "" }, { name: 42 }, { name: "ok", memberIds: ["no-such-user"] }]) {
      const r = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", role: "manager", body });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("invalid");
      expect(r.json.error.issues.length).toBeGreaterThan(0);
    }
    const notJson = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", role: "manager", rawBody: "{nope" });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.issues[0]).toEqual({ path: "body", message: "Body is not valid JSON" });
    const huge = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", role: "manager", rawBody: JSON.stringify({ name: "x".repeat(1_100_000) }) });
    expect(huge.status).toBe(400);
    expect((await t.db.select({ n: count() }).from(teams))[0]!.n).toBe(before);
  });

  it("409 on a duplicate name", async () => {
    const a = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", role: "manager", body: { name: "Duplicate Me" } });
    expect(a.status).toBe(201);
    const b = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", role: "manager", body: { name: "Duplicate Me" } });
    expect(b.status).toBe(409);
  });
});

describe("each route refuses the roles that may not use it", () => {
  const cases: { name: string; role: string; handler: () => Handler; method: string; path: string; params?: () => Record<string, string>; body?: unknown; status: number }[] = [
    { name: "stakeholder lists teams", role: "stakeholder", handler: () => teamsRoute.GET, method: "GET", path: "/api/v1/teams", status: 403 },
    { name: "engineer creates a team", role: "engineer", handler: () => teamsRoute.POST, method: "POST", path: "/api/v1/teams", body: { name: "Nope" }, status: 403 },
    { name: "engineer reads another team", role: "engineer", handler: () => teamRoute.GET, method: "GET", path: "/api/v1/teams/x", params: () => ({ teamId: ids.otherTeam! }), status: 404 },
    { name: "engineer renames a team", role: "engineer", handler: () => teamRoute.PATCH, method: "PATCH", path: "/api/v1/teams/x", params: () => ({ teamId: ids.team! }), body: { name: "X" }, status: 403 },
    { name: "engineer replaces their team's holidays", role: "engineer", handler: () => teamRoute.PATCH, method: "PATCH", path: "/api/v1/teams/x", params: () => ({ teamId: ids.team! }), body: { holidays: [{ date: "2026-12-25" }] }, status: 403 },
    { name: "stakeholder replaces a team's holidays", role: "stakeholder", handler: () => teamRoute.PATCH, method: "PATCH", path: "/api/v1/teams/x", params: () => ({ teamId: ids.team! }), body: { holidays: [] }, status: 403 },
    { name: "engineer creates a team with holidays", role: "engineer", handler: () => teamsRoute.POST, method: "POST", path: "/api/v1/teams", body: { name: "Nope 2", holidays: [{ date: "2026-12-25" }] }, status: 403 },
    { name: "engineer deletes a team", role: "engineer", handler: () => teamRoute.DELETE, method: "DELETE", path: "/api/v1/teams/x", params: () => ({ teamId: ids.team! }), status: 403 },
    { name: "stakeholder lists members", role: "stakeholder", handler: () => membersRoute.GET, method: "GET", path: "/api/v1/teams/x/members", params: () => ({ teamId: ids.team! }), status: 403 },
    { name: "engineer adds a member", role: "engineer", handler: () => membersRoute.POST, method: "POST", path: "/api/v1/teams/x/members", params: () => ({ teamId: ids.team! }), body: { userId: ids.engineer }, status: 403 },
    { name: "engineer makes a lead", role: "engineer", handler: () => memberRoute.PATCH, method: "PATCH", path: "/api/v1/teams/x/members/y", params: () => ({ teamId: ids.team!, userId: ids.engineer! }), body: { isLead: true }, status: 403 },
    { name: "engineer removes a member", role: "engineer", handler: () => memberRoute.DELETE, method: "DELETE", path: "/api/v1/teams/x/members/y", params: () => ({ teamId: ids.team!, userId: ids.engineer! }), status: 403 },
    { name: "stakeholder reads another client", role: "stakeholder", handler: () => clientRoute.GET, method: "GET", path: "/api/v1/clients/x", params: () => ({ clientId: ids.otherClient! }), status: 404 },
    { name: "engineer creates a client", role: "engineer", handler: () => clientsRoute.POST, method: "POST", path: "/api/v1/clients", body: { name: "C", timeZone: "UTC", businessHours: {} }, status: 403 },
    { name: "stakeholder updates own client", role: "stakeholder", handler: () => clientRoute.PATCH, method: "PATCH", path: "/api/v1/clients/x", params: () => ({ clientId: ids.ownClient! }), body: { notes: "hi" }, status: 403 },
    { name: "manager deletes... as engineer", role: "engineer", handler: () => clientRoute.DELETE, method: "DELETE", path: "/api/v1/clients/x", params: () => ({ clientId: ids.ownClient! }), status: 403 },
    { name: "stakeholder lists people", role: "stakeholder", handler: () => usersRoute.GET, method: "GET", path: "/api/v1/users", status: 403 },
    { name: "engineer invites someone", role: "engineer", handler: () => usersRoute.POST, method: "POST", path: "/api/v1/users", body: { email: "x@example.com", name: "X", role: "engineer" }, status: 403 },
    { name: "manager makes an admin", role: "manager", handler: () => usersRoute.POST, method: "POST", path: "/api/v1/users", body: { email: "boss@example.com", name: "Boss", role: "admin", sendInvite: false }, status: 403 },
    { name: "stakeholder reads a person", role: "stakeholder", handler: () => userRoute.GET, method: "GET", path: "/api/v1/users/x", params: () => ({ userId: ids.engineer! }), status: 403 },
    { name: "engineer changes a role", role: "engineer", handler: () => userRoute.PATCH, method: "PATCH", path: "/api/v1/users/x", params: () => ({ userId: ids.engineer! }), body: { role: "admin" }, status: 403 },
    { name: "engineer deletes a person", role: "engineer", handler: () => userRoute.DELETE, method: "DELETE", path: "/api/v1/users/x", params: () => ({ userId: ids.stakeholder! }), status: 403 },
  ];
  it.each(cases)("$name → $status", async (c) => {
    const r = await call(c.handler(), { method: c.method, path: c.path, role: c.role, body: c.body, params: c.params?.() });
    expect(r.status).toBe(c.status);
    expect(r.json.error.code).toBe(c.status === 403 ? "forbidden" : "not_found");
  });
});

describe("a client's parts", () => {
  it("contacts and alert policy of an unknown client are a 404; a known client without any is an empty 200", async () => {
    for (const route of [contactsRoute, alertPolicyRoute]) {
      const unknown = await call(route.GET, { path: "/api/v1/clients/x/y", role: "manager", params: { clientId: "no-such-client" } });
      expect(unknown.status).toBe(404);
      expect(unknown.json.error).toMatchObject({ code: "not_found", message: "Client was not found." });
    }
    const contacts = await call(contactsRoute.GET, { path: "/api/v1/clients/x/contacts", role: "manager", params: { clientId: ids.otherClient! } });
    expect(contacts).toMatchObject({ status: 200, json: { data: [], nextCursor: null } });
    const policy = await call(alertPolicyRoute.GET, { path: "/api/v1/clients/x/alert-policy", role: "manager", params: { clientId: ids.otherClient! } });
    expect(policy).toMatchObject({ status: 200, json: { data: { clientId: ids.otherClient, lowPriority: "page", rules: [] } } });
  });
});

describe("what each role may do", () => {
  it("a stakeholder reads their own client without internal notes or team structure", async () => {
    const r = await call(clientRoute.GET, { path: "/api/v1/clients/x", role: "stakeholder", params: { clientId: ids.ownClient! } });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ id: ids.ownClient, notes: "", teams: [], stakeholders: [] });
    const list = await call(clientsRoute.GET, { path: "/api/v1/clients", role: "stakeholder" });
    expect(list.json.data.map((c: { id: string }) => c.id)).toEqual([ids.ownClient]);
  });

  it("a manager runs a team's whole life cycle", async () => {
    const created = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", role: "manager", body: { name: "Lifecycle", memberIds: [ids.engineer], leadIds: [ids.engineer] } });
    expect(created.status).toBe(201);
    const teamId = created.json.data.id;
    expect(created.json.data.leads).toEqual([{ userId: ids.engineer, name: expect.any(String) }]);
    const renamed = await call(teamRoute.PATCH, { method: "PATCH", path: "/api/v1/teams/x", role: "manager", params: { teamId }, body: { name: "Lifecycle 2" } });
    expect(renamed.json.data.name).toBe("Lifecycle 2");
    const unlead = await call(memberRoute.PATCH, { method: "PATCH", path: "/api/v1/teams/x/members/y", role: "manager", params: { teamId, userId: ids.engineer! }, body: { isLead: false } });
    expect(unlead.json.data.leads).toEqual([]);
    const removed = await call(memberRoute.DELETE, { method: "DELETE", path: "/api/v1/teams/x/members/y", role: "manager", params: { teamId, userId: ids.engineer! } });
    expect(removed.status).toBe(204);
    const again = await call(membersRoute.POST, { method: "POST", path: "/api/v1/teams/x/members", role: "manager", params: { teamId }, body: { userId: ids.stakeholder } });
    expect(again.status).toBe(400);
    const deleted = await call(teamRoute.DELETE, { method: "DELETE", path: "/api/v1/teams/x", role: "manager", params: { teamId } });
    expect(deleted.status).toBe(204);
    const gone = await call(teamRoute.GET, { path: "/api/v1/teams/x", role: "manager", params: { teamId } });
    expect(gone.status).toBe(404);
  });

  it("a manager gives a team a holiday calendar, replaces it whole, and bad dates are refused by field with nothing written", async () => {
    const holidays = [{ date: "2026-11-26", name: "Thanksgiving" }, { date: "2026-12-25", name: "Christmas Day" }];
    const created = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", role: "manager", body: { name: "Holiday Desk", memberIds: [ids.engineer], holidays } });
    expect(created.status).toBe(201);
    const teamId = created.json.data.id;
    expect(created.json.data.holidays).toEqual(holidays);
    const replaced = await call(teamRoute.PATCH, { method: "PATCH", path: "/api/v1/teams/x", role: "manager", params: { teamId }, body: { holidays: [{ date: "2027-01-01", name: "New Year's Day" }] } });
    expect(replaced.status).toBe(200);
    expect(replaced.json.data.holidays).toEqual([{ date: "2027-01-01", name: "New Year's Day" }]);
    const renamed = await call(teamRoute.PATCH, { method: "PATCH", path: "/api/v1/teams/x", role: "manager", params: { teamId }, body: { description: "Holidays untouched" } });
    expect(renamed.json.data.holidays).toHaveLength(1);
    for (const [bad, path] of [
      [[{ date: "2026-12-24" }, { date: "2026-12-25" }, { date: "2026-13-01" }], "holidays.2.date"],
      [[{ date: "2026-12-24" }, { date: "2026-12-25" }, { date: "2026-12-24" }], "holidays.2.date"],
      [[{ date: "24/12/2026" }], "holidays.0.date"],
      [[{ name: "No date" }], "holidays.0.date"],
    ] as const) {
      const r = await call(teamRoute.PATCH, { method: "PATCH", path: "/api/v1/teams/x", role: "manager", params: { teamId }, body: { name: "Half Written", holidays: bad } });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("invalid");
      expect(r.json.error.issues.map((i: { path: string }) => i.path)).toEqual([path]);
    }
    const dupCreate = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", role: "manager", body: { name: "Half Written", holidays: [holidays[0], holidays[0]] } });
    expect(dupCreate.status).toBe(400);
    expect(dupCreate.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["holidays.1.date"]);
    expect(await t.db.select().from(teams).where(eq(teams.name, "Half Written"))).toEqual([]);
    expect(await t.db.select({ date: teamHolidays.date }).from(teamHolidays).where(eq(teamHolidays.teamId, teamId))).toEqual([{ date: "2027-01-01" }]);
    // A member reads them; the write route refuses them (the table above).
    const read = await call(teamRoute.GET, { path: "/api/v1/teams/x", role: "engineer", params: { teamId } });
    expect(read.json.data.holidays).toEqual([{ date: "2027-01-01", name: "New Year's Day" }]);
  });

  it("a manager creates and edits a client with business hours and holidays", async () => {
    const body = { name: "Initech", timeZone: "America/Chicago", businessHours: { mon: [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "17:00" }] }, holidays: [{ date: "2026-12-24", name: "Christmas Eve" }] };
    const created = await call(clientsRoute.POST, { method: "POST", path: "/api/v1/clients", role: "manager", body });
    expect(created.status).toBe(201);
    expect(created.json.data.businessHours.mon).toHaveLength(2);
    const bad = await call(clientRoute.PATCH, { method: "PATCH", path: "/api/v1/clients/x", role: "manager", params: { clientId: created.json.data.id }, body: { timeZone: "Mars/Base", holidays: [{ date: "2026-02-30" }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["holidays.0.date", "timeZone"]);
    const fetched = await call(clientRoute.GET, { path: "/api/v1/clients/x", role: "manager", params: { clientId: created.json.data.id } });
    expect(fetched.json.data.timeZone).toBe("America/Chicago");
  });

  it("an admin invites, changes the role of, disables and deletes a person", async () => {
    const created = await call(usersRoute.POST, { method: "POST", path: "/api/v1/users", role: "admin", body: { email: "New.Person@Example.com", name: "New Person", role: "engineer", sendInvite: false } });
    expect(created.status).toBe(201);
    expect(created.json.data.email).toBe("new.person@example.com");
    const dup = await call(usersRoute.POST, { method: "POST", path: "/api/v1/users", role: "admin", body: { email: "new.person@example.com", name: "Again", role: "engineer" } });
    expect(dup.status).toBe(409);
    const userId = created.json.data.id;
    const patched = await call(userRoute.PATCH, { method: "PATCH", path: "/api/v1/users/x", role: "admin", params: { userId }, body: { role: "manager", disabled: true } });
    expect(patched.json.data).toMatchObject({ role: "manager", disabled: true });
    const del = await call(userRoute.DELETE, { method: "DELETE", path: "/api/v1/users/x", role: "admin", params: { userId } });
    expect(del.status).toBe(204);
    const selfDisable = await call(userRoute.PATCH, { method: "PATCH", path: "/api/v1/users/x", role: "admin", params: { userId: ids.admin! }, body: { disabled: true } });
    expect(selfDisable.status).toBe(409);
  });
});

describe("documents", () => {
  it("serves OpenAPI 3.1 built from the same schemas", async () => {
    const res = openapiRoute.GET(new NextRequest("http://localhost:3000/api/v1/openapi.json"));
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/teams", "/api/v1/teams/{teamId}/members/{userId}", "/api/v1/clients/{clientId}", "/api/v1/users"]));
    expect(doc.paths["/api/v1/teams"].post.requestBody.content["application/json"].schema.properties.name).toMatchObject({ type: "string", minLength: 1 });
    expect(doc.paths["/api/v1/teams"].get.responses["401"]).toBeDefined();
    const teamHolidaysBody = doc.paths["/api/v1/teams/{teamId}"].patch.requestBody.content["application/json"].schema.properties.holidays;
    expect(teamHolidaysBody).toMatchObject({ type: "array", maxItems: 400, items: { properties: { date: { type: "string", format: "date" } } } });
    expect(JSON.stringify(doc.paths["/api/v1/teams/{teamId}"].get.responses["200"])).toContain("holidays");
  });

  it("health names the pieces in use", async () => {
    const res = await healthRoute.GET();
    expect(await res.json()).toEqual({ status: "ok", db: t.kind, workflows: "local", mailer: "outbox" });
  });
});
