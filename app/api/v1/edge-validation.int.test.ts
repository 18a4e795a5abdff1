import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { clients, teams } from "@/db/schema";
import { callRoute, idsAndTokensByRole, type CallOptions, type RouteHandler } from "@/db/test/route-call";
import { createTestDatabase } from "@/db/test/test-database";
import { makeClient, makeService, makeTeam, makeWeeklySchedule } from "@/db/test/factories";
import * as teamsRoute from "./teams/route";
import * as teamRoute from "./teams/[teamId]/route";
import * as clientsRoute from "./clients/route";
import * as oncallRoute from "./oncall/route";
import * as loadReportRoute from "./reports/load/route";
import * as timeOffRoute from "./time-off/route";
import * as scheduleRoute from "./schedules/[scheduleId]/route";
import * as windowsRoute from "./services/[serviceId]/maintenance-windows/route";
import * as heartbeatsRoute from "./services/[serviceId]/heartbeats/route";

/**
 * What QA's fuzzing of every REST route turned up as 500s: text PostgreSQL can't store, dates in
 * year 1 or 9999, JSON nested thousands deep, bodies that are not objects, refinements on fields
 * that failed. Each is a 400 naming the field, with nothing written.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let tokens: Record<string, string> = {};
let ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  ({ ids, tokens } = await idsAndTokensByRole(t.db));
  const team = await makeTeam(t.db, [{ userId: ids.engineer! }]);
  ids.team = team.id;
  const client = await makeClient(t.db, { teamIds: [team.id] });
  ids.service = (await makeService(t.db, { clientId: client.id, teamId: team.id })).id;
  ids.schedule = (await makeWeeklySchedule(t.db, { participantIds: [ids.engineer!], teamId: team.id })).schedule.id;
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const call = (handler: RouteHandler, opts: Omit<CallOptions, "token">) => callRoute(handler, { ...opts, token: tokens.manager });
const issues = (r: { json: { error?: { issues?: { path: string; message: string }[] } } }) => r.json.error?.issues?.map((i) => [i.path, i.message]);

describe("the REST edge refuses what can't be stored or computed, with the field and the reason", () => {
  it.each([
    { name: "NUL in a name", body: { name: "a\u0000b" }, expected: [["name", "Contains a NUL character, which can't be stored"]] },
    { name: "an unpaired surrogate in a description", body: { name: "Ok", description: "a\ud800b" }, expected: [["description", "Contains an unpaired surrogate, which is not valid Unicode"]] },
    { name: "JSON nested 5000 deep", rawBody: `{"name":"Deep","description":${"[".repeat(5000)}${"]".repeat(5000)}}`, expected: [["description.0.0…", "Nested more than 64 levels deep"]] },
  ])("POST /teams with $name → 400, nothing written", async ({ body, rawBody, expected }) => {
    const [before] = await t.db.select({ n: count() }).from(teams);
    const r = await call(teamsRoute.POST, { method: "POST", path: "/api/v1/teams", ...(rawBody ? { rawBody } : { body }) });
    expect({ status: r.status, issues: issues(r) }).toEqual({ status: 400, issues: expected });
    const [after] = await t.db.select({ n: count() }).from(teams);
    expect(after!.n).toBe(before!.n);
  });

  it("a PATCH body that is not an object is a 400, not a silent no-op", async () => {
    for (const rawBody of ["null", "[]", "42", '"s"']) {
      const r = await call(teamRoute.PATCH, { method: "PATCH", path: `/api/v1/teams/${ids.team}`, params: { teamId: ids.team! }, rawBody });
      expect({ rawBody, status: r.status, issues: issues(r) }).toEqual({ rawBody, status: 400, issues: [["body", "Send a JSON object"]] });
    }
    const patch = await call(scheduleRoute.PATCH, { method: "PATCH", path: `/api/v1/schedules/${ids.schedule}`, params: { scheduleId: ids.schedule! }, body: { name: "Renamed\u0000" } });
    expect(issues(patch)).toEqual([["name", "Contains a NUL character, which can't be stored"]]);
  });

  it("dates in year 1 or 9999 are a 400 in queries and bodies", async () => {
    const oncall = await call(oncallRoute.GET, { path: "/api/v1/oncall?at=0001-01-01T00:00:00Z" });
    expect({ status: oncall.status, issues: issues(oncall) }).toEqual({ status: 400, issues: [["query.at", "Out of range: use a date between 1900 and 2199"]] });
    for (const q of ["to=9999-12-31", "to=0001-01-01", "from=0001-01-01"]) {
      const r = await call(loadReportRoute.GET, { path: `/api/v1/reports/load?${q}` });
      expect({ q, status: r.status }).toEqual({ q, status: 400 });
      expect(issues(r)![0]![1]).toBe("Out of range: use a date between 1900 and 2199");
    }
    const off = await call(timeOffRoute.POST, { method: "POST", path: "/api/v1/time-off", body: { fromDate: "0001-01-01", toDate: "0001-01-03" } });
    expect({ status: off.status, issues: issues(off) }).toEqual({ status: 400, issues: [["fromDate", "Out of range: use a date between 1900 and 2199"], ["toDate", "Out of range: use a date between 1900 and 2199"]] });
  });

  it("a maintenance window with an unreadable date names it (the end-after-start check no longer throws)", async () => {
    for (const startsAt of ["", "2026-02-30T00:00:00Z", "x".repeat(100_000)]) {
      const r = await call(windowsRoute.POST, { method: "POST", path: `/api/v1/services/${ids.service}/maintenance-windows`, params: { serviceId: ids.service! }, body: { startsAt, endsAt: "2026-12-01T00:00:00Z" } });
      expect({ status: r.status, field: issues(r)![0]![0] }).toEqual({ status: 400, field: "startsAt" });
    }
  });

  it("a heartbeat's minutes are numbers (or a form's digits), not true or [5]", async () => {
    for (const intervalMinutes of [true, [5], ""]) {
      const r = await call(heartbeatsRoute.POST, { method: "POST", path: `/api/v1/services/${ids.service}/heartbeats`, params: { serviceId: ids.service! }, body: { name: "Backup", intervalMinutes } });
      expect({ intervalMinutes, status: r.status, field: issues(r)?.[0]?.[0] }).toEqual({ intervalMinutes, status: 400, field: "intervalMinutes" });
    }
    const ok = await call(heartbeatsRoute.POST, { method: "POST", path: `/api/v1/services/${ids.service}/heartbeats`, params: { serviceId: ids.service! }, body: { name: "Backup", intervalMinutes: "60" } });
    expect(ok.status).toBe(201);
  });

  it("a client with a NUL in its notes writes nothing", async () => {
    const [before] = await t.db.select({ n: count() }).from(clients);
    const r = await call(clientsRoute.POST, { method: "POST", path: "/api/v1/clients", body: { name: "Nul Co", timeZone: "Europe/London", notes: "x\u0000" } });
    expect({ status: r.status, issues: issues(r) }).toEqual({ status: 400, issues: [["notes", "Contains a NUL character, which can't be stored"]] });
    const [after] = await t.db.select({ n: count() }).from(clients);
    expect(after!.n).toBe(before!.n);
  });
});
