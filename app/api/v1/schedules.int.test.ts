import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDbHandle } from "@/db/client";
import { count, eq } from "drizzle-orm";
import { auditLog, escalationPolicies, scheduleOverrides, schedules, timeOff, type Role } from "@/db/schema";
import { addDaysToIsoDate, localDateAt } from "@/lib/core/time";
import { makeClient, makePolicy, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { callRoute, tokensByRole, type RouteHandler } from "@/db/test/route-call";
import { createTestDatabase } from "@/db/test/test-database";
import * as schedulesRoute from "./schedules/route";
import * as scheduleRoute from "./schedules/[scheduleId]/route";
import * as shiftsRoute from "./schedules/[scheduleId]/shifts/route";
import * as layersRoute from "./schedules/[scheduleId]/layers/route";
import * as layerRoute from "./schedules/[scheduleId]/layers/[layerId]/route";
import * as overridesRoute from "./schedules/[scheduleId]/overrides/route";
import * as overrideRoute from "./schedules/[scheduleId]/overrides/[overrideId]/route";
import * as oncallRoute from "./oncall/route";
import * as timeOffRoute from "./time-off/route";
import * as timeOffItemRoute from "./time-off/[timeOffId]/route";
import * as swapsRoute from "./swap-requests/route";
import * as acceptRoute from "./swap-requests/[requestId]/accept/route";
import * as declineRoute from "./swap-requests/[requestId]/decline/route";
import * as approveRoute from "./swap-requests/[requestId]/approve/route";
import * as rejectRoute from "./swap-requests/[requestId]/reject/route";
import * as cancelRoute from "./swap-requests/[requestId]/cancel/route";
import * as revertRoute from "./swap-requests/[requestId]/revert/route";
import * as previewRoute from "./schedules/[scheduleId]/layers/[layerId]/fill/preview/route";
import * as publishRoute from "./schedules/[scheduleId]/layers/[layerId]/fill/publish/route";
import * as fairnessRoute from "./teams/[teamId]/fairness/route";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let who: Record<Role, { id: string; token: string }>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  who = await tokensByRole(t.db);
  const bob = await makeUser(t.db);
  const team = await makeTeam(t.db, [{ userId: who.engineer.id }, { userId: bob.id }]);
  const { schedule, layer } = await makeWeeklySchedule(t.db, { participantIds: [who.engineer.id, bob.id], teamId: team.id, startDate: "2026-01-05" });
  Object.assign(ids, { bob: bob.id, schedule: schedule.id, layer: layer.id });
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const as = (role: Role) => who[role].token;
const DAY = 86_400_000;
/** Routes read the real clock: dates relative to now. */
const utcDay = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe("schedules REST", () => {
  it("lists the final shifts with DST-correct handoffs (167 h across the spring change)", async () => {
    const r = await callRoute(shiftsRoute.GET, { path: "/api/v1/schedules/x/shifts?from=2026-03-02T00:00:00Z&to=2026-03-16T00:00:00Z", token: as("manager"), params: { scheduleId: ids.schedule! } });
    expect(r.status).toBe(200);
    const starts = r.json.data.map((s: { start: string }) => s.start);
    expect(starts).toEqual(["2026-03-02T00:00:00.000Z", "2026-03-02T14:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
    expect(r.json.data[1]).toMatchObject({ origin: "rotation", layerName: "Primary", shiftIndex: 8 });
    const bad = await callRoute(shiftsRoute.GET, { path: "/api/v1/schedules/x/shifts?from=yesterday&to=2026-03-16T00:00:00Z", token: as("manager"), params: { scheduleId: ids.schedule! } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("query.from");
  });

  it("a manager builds a schedule, a layer and an override; who is on call follows", async () => {
    const created = await callRoute(schedulesRoute.POST, { method: "POST", path: "/api/v1/schedules", token: as("manager"), body: { name: "API Rotation", timeZone: "Europe/London" } });
    expect(created.status).toBe(201);
    const scheduleId = created.json.data.id;
    const layer = await callRoute(layersRoute.POST, {
      method: "POST",
      path: "/api/v1/schedules/x/layers",
      token: as("manager"),
      params: { scheduleId },
      body: { name: "Days", participantIds: [who.engineer.id, ids.bob], shiftUnit: "days", shiftCount: 1, handoffTime: "08:00", startDate: "2026-11-01" },
    });
    expect(layer.status).toBe(201);
    expect(layer.json.data.layers).toHaveLength(1);
    // Overrides can't end in the past: the day after tomorrow, whose holder the layer's day count says.
    const day = utcDay(2);
    const at = `${day}T12:00:00Z`;
    const before = await callRoute(oncallRoute.GET, { path: `/api/v1/oncall?at=${at}`, token: as("engineer") });
    const mine = before.json.data.find((d: { scheduleId: string }) => d.scheduleId === scheduleId);
    const dayOfLayer = Math.round((Date.parse(day) - Date.parse("2026-11-01")) / DAY);
    const [holder, other] = dayOfLayer % 2 === 0 ? [who.engineer.id, ids.bob!] : [ids.bob!, who.engineer.id]; // even days → the first person
    expect(mine.userId).toBe(holder);
    const override = await callRoute(overridesRoute.POST, { method: "POST", path: "/api/v1/schedules/x/overrides", token: as("manager"), params: { scheduleId }, body: { userId: other, start: `${day}T10:00:00Z`, end: `${day}T14:00:00Z` } });
    expect(override.status).toBe(201);
    const after = await callRoute(oncallRoute.GET, { path: `/api/v1/oncall?at=${at}`, token: as("engineer") });
    expect(after.json.data.find((d: { scheduleId: string }) => d.scheduleId === scheduleId)).toMatchObject({ userId: other, origin: "override" });
    const invalid = await callRoute(overridesRoute.POST, { method: "POST", path: "/api/v1/schedules/x/overrides", token: as("manager"), params: { scheduleId }, body: { userId: who.engineer.id, start: `${day}T14:00:00Z`, end: `${day}T10:00:00Z` } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.issues[0].path).toBe("end");
    expect((await callRoute(overrideRoute.DELETE, { method: "DELETE", path: "/x", token: as("manager"), params: { scheduleId, overrideId: override.json.data.id } })).status).toBe(204);

    // An edit planned ahead: the layer says when it takes effect; one planned in the past is a 400 naming the field.
    const layerId = layer.json.data.layers[0].id;
    const edit = { name: "Days", participantIds: [ids.bob, who.engineer.id], shiftUnit: "days", shiftCount: 1, handoffTime: "08:00", startDate: "2026-11-01" };
    const past = await callRoute(layerRoute.PATCH, { method: "PATCH", path: "/x", token: as("manager"), params: { scheduleId, layerId }, body: { ...edit, effectiveFrom: "2020-01-01T08:00:00Z" } });
    expect(past.status).toBe(400);
    expect(past.json.error.issues).toEqual([{ path: "effectiveFrom", message: "A change can't take effect in the past" }]);
    const ahead = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const planned = await callRoute(layerRoute.PATCH, { method: "PATCH", path: "/x", token: as("manager"), params: { scheduleId, layerId }, body: { ...edit, effectiveFrom: ahead } });
    expect(planned.status).toBe(200);
    expect(planned.json.data.layers[0].effectiveFrom).toBe(ahead);
  });

  it("engineers record their own time off only", async () => {
    const [from, to] = [utcDay(30), utcDay(32)];
    const own = await callRoute(timeOffRoute.POST, { method: "POST", path: "/api/v1/time-off", token: as("engineer"), body: { fromDate: from, toDate: to } });
    expect(own.status).toBe(201);
    const other = await callRoute(timeOffRoute.POST, { method: "POST", path: "/api/v1/time-off", token: as("engineer"), body: { userId: ids.bob, fromDate: from, toDate: to } });
    expect(other.status).toBe(403);
    const backwards = await callRoute(timeOffRoute.POST, { method: "POST", path: "/api/v1/time-off", token: as("engineer"), body: { fromDate: to, toDate: from } });
    expect(backwards.status).toBe(400);
    const list = await callRoute(timeOffRoute.GET, { path: `/api/v1/time-off?from=${utcDay(20)}`, token: as("engineer") });
    expect(list.json.data.map((x: { id: string }) => x.id)).toEqual([own.json.data.id]);
    // Someone else's list is refused, not answered with the engineer's own.
    const others = await callRoute(timeOffRoute.GET, { path: `/api/v1/time-off?from=${utcDay(20)}&userId=${ids.bob}`, token: as("engineer") });
    expect(others.status).toBe(403);
    const managers = await callRoute(timeOffRoute.GET, { path: `/api/v1/time-off?from=${utcDay(20)}&userId=${ids.bob}`, token: as("manager") });
    expect(managers.status).toBe(200);
  });

  it("an override can't rewrite who was on call, nor be planned years ahead; one from now is fine", async () => {
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [who.engineer.id], startDate: "2026-01-05" });
    const post = (body: object) => callRoute(overridesRoute.POST, { method: "POST", path: "/x", token: as("manager"), params: { scheduleId: schedule.id }, body: { userId: ids.bob, ...body } });
    const [before] = await t.db.select({ n: count() }).from(scheduleOverrides);
    const fields = (r: Awaited<ReturnType<typeof post>>) => ({ status: r.status, issues: r.json.error?.issues });
    expect(fields(await post({ start: "1950-01-01T00:00:00Z", end: "1950-01-02T00:00:00Z" }))).toEqual({ status: 400, issues: [{ path: "end", message: "An override can't end in the past" }] });
    expect(fields(await post({ start: "2190-01-01T00:00:00Z", end: "2190-01-02T00:00:00Z" }))).toEqual({ status: 400, issues: [{ path: "start", message: "At most a year ahead" }] });
    const ended = new Date(Date.now() - 3_600_000).toISOString();
    expect(fields(await post({ start: new Date(Date.now() - 5 * 3_600_000).toISOString(), end: ended }))).toEqual({ status: 400, issues: [{ path: "end", message: "An override can't end in the past" }] });
    expect(fields(await post({ start: new Date(Date.now() + 400 * DAY).toISOString(), end: new Date(Date.now() + 401 * DAY).toISOString() }))).toEqual({ status: 400, issues: [{ path: "start", message: "At most a year ahead" }] });
    expect(fields(await post({}))).toEqual({ status: 400, issues: [{ path: "start", message: "Enter when it starts" }, { path: "end", message: "Enter when it ends" }] });
    const [after] = await t.db.select({ n: count() }).from(scheduleOverrides);
    expect(after!.n).toBe(before!.n);
    // Begun a moment ago ("from now"), until tomorrow; and eleven months ahead.
    expect((await post({ start: new Date(Date.now() - 60_000).toISOString(), end: new Date(Date.now() + DAY).toISOString() })).status).toBe(201);
    expect((await post({ start: new Date(Date.now() + 330 * DAY).toISOString(), end: new Date(Date.now() + 331 * DAY).toISOString() })).status).toBe(201);
  });

  it("time off can't end before the person's today (in their zone) nor start more than two years ahead", async () => {
    const post = (body: object, role: Role = "engineer") => callRoute(timeOffRoute.POST, { method: "POST", path: "/api/v1/time-off", token: as(role), body });
    const fields = (r: Awaited<ReturnType<typeof post>>) => ({ status: r.status, issues: r.json.error?.issues });
    const [before] = await t.db.select({ n: count() }).from(timeOff);
    expect(fields(await post({ fromDate: "1901-01-01", toDate: "1901-01-05" }))).toEqual({ status: 400, issues: [{ path: "toDate", message: "Time off can't end before today" }] });
    expect(fields(await post({ fromDate: "2199-01-01", toDate: "2199-01-05" }))).toEqual({ status: 400, issues: [{ path: "fromDate", message: "At most two years ahead" }] });
    expect(fields(await post({ fromDate: utcDay(-5), toDate: utcDay(-2) }))).toEqual({ status: 400, issues: [{ path: "toDate", message: "Time off can't end before today" }] });
    expect(fields(await post({ fromDate: "", toDate: "" }))).toEqual({ status: 400, issues: [{ path: "fromDate", message: "Enter the first day off" }, { path: "toDate", message: "Enter the last day off" }] });
    const [after] = await t.db.select({ n: count() }).from(timeOff);
    expect(after!.n).toBe(before!.n);
    // The person's own today: Pago Pago's is always before Kiritimati's (25 hours apart).
    const pago = await makeUser(t.db, { timeZone: "Pacific/Pago_Pago" });
    const kiritimati = await makeUser(t.db, { timeZone: "Pacific/Kiritimati" });
    const pagoToday = localDateAt(Date.now(), "Pacific/Pago_Pago");
    expect((await post({ userId: pago.id, fromDate: addDaysToIsoDate(pagoToday, -3), toDate: pagoToday }, "manager")).status).toBe(201); // begun, ends today
    expect(fields(await post({ userId: kiritimati.id, fromDate: addDaysToIsoDate(pagoToday, -3), toDate: pagoToday }, "manager"))).toEqual({ status: 400, issues: [{ path: "toDate", message: "Time off can't end before today" }] });
    expect((await post({ fromDate: utcDay(700), toDate: utcDay(705) })).status).toBe(201);
  });

  it("a time window says what is wrong with it: no day ticked, or ending when it starts", async () => {
    const layer = { name: "Windows", participantIds: [ids.bob], shiftUnit: "days", shiftCount: 1, handoffTime: "08:00", startDate: "2026-11-01" };
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [who.engineer.id], startDate: "2026-01-05" });
    const post = (restrictions: object[]) => callRoute(layersRoute.POST, { method: "POST", path: "/x", token: as("manager"), params: { scheduleId: schedule.id }, body: { ...layer, restrictions } });
    const sameTime = await post([{ weekdays: [1, 2, 3, 4, 5], start: "09:00", end: "09:00" }]);
    expect({ status: sameTime.status, issues: sameTime.json.error?.issues }).toEqual({ status: 400, issues: [{ path: "restrictions.0.end", message: "The window must end at a different time than it starts" }] });
    const noDay = await post([{ weekdays: [], start: "09:00", end: "17:00" }]);
    expect({ status: noDay.status, issues: noDay.json.error?.issues }).toEqual({ status: 400, issues: [{ path: "restrictions.0.weekdays", message: "Pick at least one day" }] });
    expect((await post([{ weekdays: [6, 7], start: "00:00", end: "24:00" }])).status).toBe(201);
  });

  it("a swap request over the API: create, accept (409 for the second), revert by a manager", async () => {
    const created = await callRoute(swapsRoute.POST, { method: "POST", path: "/api/v1/swap-requests", token: as("engineer"), body: { scheduleId: ids.schedule, layerId: ids.layer, shiftIndex: 60, kind: "cover" } });
    expect(created.status).toBe(201);
    const requestId = created.json.data.id;
    const accepted = await callRoute(acceptRoute.POST, { method: "POST", path: "/x", token: as("manager"), params: { requestId } });
    expect(accepted.status).toBe(403); // the manager is not on the schedule's team
    const bobToken = (await (await import("@/lib/tokens/create-token")).createToken({ ctx: await (await import("@/db/test/factories")).ctxFor(t.db, ids.bob!), input: { name: "bob" } })).token;
    const ok = await callRoute(acceptRoute.POST, { method: "POST", path: "/x", token: bobToken, params: { requestId } });
    expect(ok.status).toBe(200);
    expect(ok.json.data.status).toBe("approved");
    const again = await callRoute(acceptRoute.POST, { method: "POST", path: "/x", token: bobToken, params: { requestId } });
    expect(again.status).toBe(409);
    const reverted = await callRoute(revertRoute.POST, { method: "POST", path: "/x", token: as("manager"), params: { requestId } });
    expect(reverted.json.data.status).toBe("reverted");
    // ?open=true lists only open requests, ?open=false only closed ones, no filter both.
    const list = async (query: string) => (await callRoute(swapsRoute.GET, { method: "GET", path: `/api/v1/swap-requests${query}`, token: as("manager") })).json.data as { id: string; status: string }[];
    expect((await list("?open=true")).map((r) => r.id)).not.toContain(requestId);
    expect((await list("?open=false")).map((r) => r.id)).toContain(requestId);
    expect((await list("?open=false")).every((r) => !["pending", "accepted"].includes(r.status))).toBe(true);
    expect((await list("")).map((r) => r.id)).toContain(requestId);
  });

  it("a part of the shift given blank is asked for, not read as the whole shift", async () => {
    const r = await callRoute(swapsRoute.POST, { method: "POST", path: "/api/v1/swap-requests", token: as("engineer"), body: { scheduleId: ids.schedule, layerId: ids.layer, shiftIndex: 62, kind: "cover", partStart: "", partEnd: "" } });
    expect({ status: r.status, issues: r.json.error?.issues }).toEqual({
      status: 400,
      issues: [
        { path: "partStart", message: "Enter the start of the part" },
        { path: "partEnd", message: "Enter the end of the part" },
      ],
    });
  });
});

describe("creating and editing a schedule", () => {
  const post = (body: object) => callRoute(schedulesRoute.POST, { method: "POST", path: "/api/v1/schedules", token: as("manager"), body });
  const patch = (scheduleId: string, body: object) => callRoute(scheduleRoute.PATCH, { method: "PATCH", path: `/api/v1/schedules/${scheduleId}`, token: as("manager"), params: { scheduleId }, body });
  const fields = (r: Awaited<ReturnType<typeof post>>) => ({ status: r.status, code: r.json.error?.code, issues: r.json.error?.issues });
  const scheduleCount = async () => (await t.db.select({ n: count() }).from(schedules))[0]!.n;
  const rowOf = async (id: string) => (await t.db.select().from(schedules).where(eq(schedules.id, id)))[0]!;
  const updates = async (id: string) => (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.targetId, id)))[0]!.n;
  const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

  it("a team or client that does not exist is a 400 naming the field, and nothing is written", async () => {
    const before = await scheduleCount();
    expect(fields(await post({ name: "Ghost team", timeZone: "UTC", teamId: "nope" }))).toEqual({ status: 400, code: "invalid", issues: [{ path: "teamId", message: "No such team" }] });
    expect(fields(await post({ name: "Ghost team", timeZone: "UTC", teamId: ZERO_UUID }))).toEqual({ status: 400, code: "invalid", issues: [{ path: "teamId", message: "No such team" }] });
    expect(fields(await post({ name: "Ghost client", timeZone: "UTC", clientId: ZERO_UUID }))).toEqual({ status: 400, code: "invalid", issues: [{ path: "clientId", message: "No such client" }] });
    expect(fields(await post({ name: "Ghost both", timeZone: "UTC", teamId: "nope", clientId: "nope" }))).toEqual({
      status: 400,
      code: "invalid",
      issues: [
        { path: "teamId", message: "No such team" },
        { path: "clientId", message: "No such client" },
      ],
    });
    expect(await scheduleCount()).toBe(before);
    expect(await t.db.select().from(schedules).where(eq(schedules.name, "Ghost team"))).toHaveLength(0);
    // Real ones are linked.
    const team = await makeTeam(t.db);
    const client = await makeClient(t.db);
    const ok = await post({ name: "Real links", timeZone: "UTC", teamId: team.id, clientId: client.id });
    expect(ok.status).toBe(201);
    expect(ok.json.data).toMatchObject({ teamId: team.id, clientId: client.id });
  });

  it("an edit to a team or client that does not exist is a 400 naming the field, and the schedule is unchanged", async () => {
    const team = await makeTeam(t.db);
    const client = await makeClient(t.db);
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [who.engineer.id], teamId: team.id, startDate: "2026-01-05" });
    await t.db.update(schedules).set({ clientId: client.id }).where(eq(schedules.id, schedule.id));
    const stored = await rowOf(schedule.id);
    const audited = await updates(schedule.id);
    expect(fields(await patch(schedule.id, { name: "Renamed", teamId: "nope" }))).toEqual({ status: 400, code: "invalid", issues: [{ path: "teamId", message: "No such team" }] });
    expect(fields(await patch(schedule.id, { name: "Renamed", teamId: ZERO_UUID }))).toEqual({ status: 400, code: "invalid", issues: [{ path: "teamId", message: "No such team" }] });
    expect(fields(await patch(schedule.id, { name: "Renamed", clientId: ZERO_UUID }))).toEqual({ status: 400, code: "invalid", issues: [{ path: "clientId", message: "No such client" }] });
    expect(await rowOf(schedule.id)).toEqual(stored);
    expect(await updates(schedule.id)).toBe(audited);
    // An unknown schedule is still a 404; clearing the links (null) is fine.
    expect((await patch(ZERO_UUID, { teamId: ZERO_UUID })).status).toBe(404);
    const cleared = await patch(schedule.id, { teamId: null, clientId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.json.data).toMatchObject({ teamId: null, clientId: null });
    const other = await makeTeam(t.db);
    expect((await patch(schedule.id, { teamId: other.id, clientId: client.id })).json.data).toMatchObject({ teamId: other.id, clientId: client.id });
  });

  it("an edit changes only the fields it sends: the description stays unless sent, and \"\" clears it", async () => {
    const created = await post({ name: "Partial edits", timeZone: "Europe/London" });
    const id = created.json.data.id;
    expect((await patch(id, { description: "notes" })).json.data.description).toBe("notes");
    const renamed = await patch(id, { name: "Partial edits renamed" });
    expect(renamed.status).toBe(200);
    expect(renamed.json.data).toMatchObject({ name: "Partial edits renamed", description: "notes", timeZone: "Europe/London" });
    expect((await rowOf(id)).description).toBe("notes");
    // The web form always posts the textarea: empty clears it on purpose.
    expect((await patch(id, { description: "" })).json.data.description).toBe("");
    expect((await rowOf(id)).description).toBe("");
  });

  it("an empty edit changes nothing", async () => {
    const created = await post({ name: "Empty edit", timeZone: "Asia/Tokyo", description: "keep me" });
    const id = created.json.data.id;
    const stored = await rowOf(id);
    const audited = await updates(id);
    const r = await patch(id, {});
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ name: "Empty edit", description: "keep me", timeZone: "Asia/Tokyo" });
    expect(await rowOf(id)).toEqual(stored);
    expect(await updates(id)).toBe(audited);
  });

  it("the OpenAPI document: the edit's body has no defaults and no required fields (scheduleId is the path's)", () => {
    const doc = buildOpenApiDocument("http://localhost:3000") as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; requestBody: { content: { "application/json": { schema: { properties: Record<string, object>; required?: string[] } } } } }>> };
    const op = doc.paths["/api/v1/schedules/{scheduleId}"]!.patch!;
    const body = op.requestBody.content["application/json"].schema;
    expect(body.required ?? []).toEqual([]);
    expect(Object.keys(body.properties).sort()).toEqual(["clientId", "description", "name", "teamId", "timeZone"]);
    for (const [name, schema] of Object.entries(body.properties)) expect(schema, name).not.toHaveProperty("default");
    expect(op.parameters).toEqual([expect.objectContaining({ name: "scheduleId", in: "path" })]);
    // Creating still documents the default description.
    const create = doc.paths["/api/v1/schedules"]!.post!.requestBody.content["application/json"].schema;
    expect(create.required).toEqual(["name", "timeZone"]);
    expect(create.properties.description).toMatchObject({ default: "" });
  });
});

describe("deleting a schedule", () => {
  it("a schedule an escalation policy targets cannot be deleted (409 naming the policies); once no policy does, it can", async () => {
    const { schedule } = await makeWeeklySchedule(t.db, { participantIds: [who.engineer.id], startDate: "2026-01-05" });
    const other = await makeWeeklySchedule(t.db, { participantIds: [who.engineer.id], startDate: "2026-01-05" });
    const first = await makePolicy(t.db, { levels: [{ delayMinutes: 10, targets: [{ type: "user", id: who.engineer.id }] }, { delayMinutes: 10, targets: [{ type: "schedule", id: other.schedule.id }, { type: "schedule", id: schedule.id }] }] });
    const second = await makePolicy(t.db, { levels: [{ delayMinutes: 5, targets: [{ type: "schedule", id: schedule.id }] }] });
    const del = () => callRoute(scheduleRoute.DELETE, { method: "DELETE", path: `/api/v1/schedules/${schedule.id}`, token: as("manager"), params: { scheduleId: schedule.id } });
    const refused = await del();
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("conflict");
    expect(refused.json.error.message).toBe(`${schedule.name} is a target of 2 escalation policies: ${[first.name, second.name].sort().join(", ")}. Remove it from them first.`);
    expect(await t.db.select().from(schedules).where(eq(schedules.id, schedule.id))).toHaveLength(1);

    await t.db.delete(escalationPolicies).where(eq(escalationPolicies.id, second.id));
    const stillOne = await del();
    expect(stillOne.status).toBe(409);
    expect(stillOne.json.error.message).toBe(`${schedule.name} is a target of the escalation policy ${first.name}. Remove it from that policy first.`);

    await t.db.update(escalationPolicies).set({ levels: [{ delayMinutes: 10, targets: [{ type: "schedule", id: other.schedule.id }] }] }).where(eq(escalationPolicies.id, first.id));
    expect((await del()).status).toBe(204);
    expect(await t.db.select().from(schedules).where(eq(schedules.id, schedule.id))).toHaveLength(0);
    // A schedule no policy targets was always deletable; the other one is still targeted.
    const otherDel = await callRoute(scheduleRoute.DELETE, { method: "DELETE", path: `/api/v1/schedules/${other.schedule.id}`, token: as("manager"), params: { scheduleId: other.schedule.id } });
    expect(otherDel.status).toBe(409);
  });
});

describe("fairness over REST", () => {
  it("a manager previews a fill and reads the fairness report", async () => {
    const preview = await callRoute(previewRoute.POST, { method: "POST", path: "/x", token: as("manager"), params: { scheduleId: ids.schedule!, layerId: ids.layer! }, body: { weeks: 4 } });
    expect(preview.status).toBe(200);
    expect(preview.json.data.slots.length).toBeGreaterThanOrEqual(4);
    const bad = await callRoute(previewRoute.POST, { method: "POST", path: "/x", token: as("manager"), params: { scheduleId: ids.schedule!, layerId: ids.layer! }, body: { weeks: 99 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("weeks");
  });
});

describe("refusals", () => {
  const p = () => ({ scheduleId: ids.schedule!, layerId: ids.layer!, overrideId: "o", timeOffId: "t", requestId: "r", teamId: "t" });
  const cases: { name: string; role: Role; handler: () => RouteHandler; method: string; body?: unknown; status: number; query?: string }[] = [
    { name: "stakeholder lists schedules", role: "stakeholder", handler: () => schedulesRoute.GET, method: "GET", status: 403 },
    { name: "stakeholder reads a schedule", role: "stakeholder", handler: () => scheduleRoute.GET, method: "GET", status: 403 },
    { name: "stakeholder reads shifts", role: "stakeholder", handler: () => shiftsRoute.GET, method: "GET", status: 403 },
    { name: "stakeholder asks who is on call", role: "stakeholder", handler: () => oncallRoute.GET, method: "GET", status: 403 },
    { name: "stakeholder lists time off", role: "stakeholder", handler: () => timeOffRoute.GET, method: "GET", status: 403, query: "?from=2026-01-01" },
    { name: "stakeholder lists swap requests", role: "stakeholder", handler: () => swapsRoute.GET, method: "GET", status: 403 },
    { name: "engineer creates a schedule", role: "engineer", handler: () => schedulesRoute.POST, method: "POST", body: { name: "x", timeZone: "UTC" }, status: 403 },
    { name: "engineer edits a schedule", role: "engineer", handler: () => scheduleRoute.PATCH, method: "PATCH", body: { name: "x" }, status: 403 },
    { name: "engineer deletes a schedule", role: "engineer", handler: () => scheduleRoute.DELETE, method: "DELETE", status: 403 },
    { name: "engineer adds a layer", role: "engineer", handler: () => layersRoute.POST, method: "POST", body: {}, status: 403 },
    { name: "engineer edits a layer", role: "engineer", handler: () => layerRoute.PATCH, method: "PATCH", body: {}, status: 403 },
    { name: "engineer deletes a layer", role: "engineer", handler: () => layerRoute.DELETE, method: "DELETE", status: 403 },
    { name: "engineer creates an override", role: "engineer", handler: () => overridesRoute.POST, method: "POST", body: {}, status: 403 },
    { name: "engineer deletes an override", role: "engineer", handler: () => overrideRoute.DELETE, method: "DELETE", status: 403 },
    { name: "stakeholder records time off", role: "stakeholder", handler: () => timeOffRoute.POST, method: "POST", body: {}, status: 403 },
    { name: "stakeholder deletes time off", role: "stakeholder", handler: () => timeOffItemRoute.DELETE, method: "DELETE", status: 403 },
    { name: "stakeholder asks for a swap", role: "stakeholder", handler: () => swapsRoute.POST, method: "POST", body: {}, status: 403 },
    { name: "stakeholder accepts", role: "stakeholder", handler: () => acceptRoute.POST, method: "POST", status: 403 },
    { name: "stakeholder declines", role: "stakeholder", handler: () => declineRoute.POST, method: "POST", status: 403 },
    { name: "engineer approves", role: "engineer", handler: () => approveRoute.POST, method: "POST", status: 403 },
    { name: "engineer rejects", role: "engineer", handler: () => rejectRoute.POST, method: "POST", status: 403 },
    { name: "stakeholder cancels", role: "stakeholder", handler: () => cancelRoute.POST, method: "POST", status: 403 },
    { name: "engineer reverts", role: "engineer", handler: () => revertRoute.POST, method: "POST", status: 403 },
    { name: "engineer previews a fill", role: "engineer", handler: () => previewRoute.POST, method: "POST", body: { weeks: 4 }, status: 403 },
    { name: "engineer publishes a fill", role: "engineer", handler: () => publishRoute.POST, method: "POST", body: {}, status: 403 },
    { name: "stakeholder reads fairness", role: "stakeholder", handler: () => fairnessRoute.GET, method: "GET", status: 403 },
  ];
  it.each(cases)("$name → $status", async (c) => {
    const r = await callRoute(c.handler(), { method: c.method, path: `/api/v1/x${c.query ?? "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"}`, token: as(c.role), body: c.body, params: p() });
    expect(r.status).toBe(c.status);
    expect(r.json.error.code).toBe("forbidden");
  });
});
