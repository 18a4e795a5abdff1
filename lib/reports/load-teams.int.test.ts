import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { incidents, notifications, teams } from "@/db/schema";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { callRoute } from "@/db/test/route-call";
import { createTestDatabase } from "@/db/test/test-database";
import { createToken } from "@/lib/tokens/create-token";
import * as loadRoute from "@/app/api/v1/reports/load/route";
import { loadReport } from "./load-report";
import type { LoadPersonRow, LoadReport } from "./types";

/*
 * People in two teams (the QA report): "QA-A Team" and "Service Desk" have the same four members,
 * Alice, Bob, Carol and Dave. Alice is on call in QA-A's schedule all week, Bob in the Service
 * Desk's. Erin is in neither (she is in "Security Operations", with Grace, who is on call there)
 * but a Service Desk incident paged her. Period: the week of Monday 2026-03-02 (UTC).
 *
 * Pages: Alice twice on a QA-A incident (which she acknowledged), Bob once and Erin once on a
 * Service Desk incident, Grace once on a Security Operations incident.
 */
const at = (iso: string) => new Date(`${iso}Z`);
const NOW = at("2026-03-20T00:00:00");
const PERIOD = { from: "2026-03-02T00:00:00Z", to: "2026-03-09T00:00:00Z" };

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const id: Record<string, string> = {};
let token = "";

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  const db = t.db;
  const manager = await makeUser(db, { role: "manager", name: "Mona Manager" });
  const [alice, bob, carol, dave, erin, grace] = await Promise.all(
    ["Alice", "Bob", "Carol", "Dave", "Erin", "Grace"].map((name) => makeUser(db, { name: `${name} Tester`, timeZone: "UTC" })),
  );
  const qa = await makeTeam(db, [alice!, bob!, carol!, dave!].map((u) => ({ userId: u.id })));
  const desk = await makeTeam(db, [alice!, bob!, carol!, dave!].map((u) => ({ userId: u.id })));
  const sec = await makeTeam(db, [{ userId: erin!.id }, { userId: grace!.id }]);
  await db.update(teams).set({ name: "QA-A Team" }).where(eq(teams.id, qa.id));
  await db.update(teams).set({ name: "Service Desk" }).where(eq(teams.id, desk.id));
  await db.update(teams).set({ name: "Security Operations" }).where(eq(teams.id, sec.id));
  await makeWeeklySchedule(db, { participantIds: [alice!.id], teamId: qa.id, timeZone: "UTC", startDate: "2026-02-23" });
  await makeWeeklySchedule(db, { participantIds: [bob!.id], teamId: desk.id, timeZone: "UTC", startDate: "2026-02-23" });
  await makeWeeklySchedule(db, { participantIds: [grace!.id], teamId: sec.id, timeZone: "UTC", startDate: "2026-02-23" });
  const client = await makeClient(db, { teamIds: [qa.id, desk.id, sec.id] });
  const sQa = await makeService(db, { clientId: client.id, teamId: qa.id });
  const sDesk = await makeService(db, { clientId: client.id, teamId: desk.id });
  const sSec = await makeService(db, { clientId: client.id, teamId: sec.id });
  const iQa = await makeIncident(db, sQa, { at: at("2026-03-03T12:00:00") });
  const iDesk = await makeIncident(db, sDesk, { at: at("2026-03-04T12:00:00") });
  const iSec = await makeIncident(db, sSec, { at: at("2026-03-05T12:00:00") });
  await db.update(incidents).set({ status: "acknowledged", acknowledgedAt: at("2026-03-03T12:03:00"), acknowledgedBy: alice!.id }).where(eq(incidents.id, iQa.id));
  const page = (incidentId: string, userId: string, iso: string) => ({ incidentId, kind: "page" as const, level: 0, repeat: 0, recipient: userId, userId, channel: "email" as const, state: "sent" as const, createdAt: at(iso), sentAt: at(iso) });
  await db.insert(notifications).values([
    page(iQa.id, alice!.id, "2026-03-03T12:00:00"),
    { ...page(iQa.id, alice!.id, "2026-03-03T12:05:00"), repeat: 1 },
    page(iDesk.id, bob!.id, "2026-03-04T12:00:00"),
    page(iDesk.id, erin!.id, "2026-03-04T12:00:00"),
    page(iSec.id, grace!.id, "2026-03-05T12:00:00"),
  ]);
  Object.assign(id, { manager: manager.id, alice: alice!.id, bob: bob!.id, carol: carol!.id, dave: dave!.id, erin: erin!.id, grace: grace!.id, qa: qa.id, desk: desk.id, sec: sec.id });
  token = (await createToken({ ctx: await ctxFor(db, manager.id), input: { name: "load" } })).token;
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const report = async (input: Record<string, string> = {}) => loadReport({ ctx: await ctxFor(t.db, id.manager!, NOW), input: { ...PERIOD, ...input } });
const rowOf = (r: LoadReport, user: string, team: string) => r.people.find((p) => p.userId === id[user] && p.teamId === id[team]);
const key = (p: LoadPersonRow) => `${p.userId}/${p.teamId}`;

describe("load per person: one row per person and team", () => {
  it("people in two teams have a row in each, burden from that team's schedule, pages from that team's incidents", async () => {
    const r = await report();
    expect(r.people.filter((p) => p.userId === id.alice).map((p) => p.teamName)).toEqual(["QA-A Team", "Service Desk"]);
    const aliceQa = rowOf(r, "alice", "qa")!;
    const aliceDesk = rowOf(r, "alice", "desk")!;
    expect(aliceQa.burden).toBeGreaterThan(0);
    expect(aliceQa.onCallHours).toBeGreaterThan(0);
    expect(aliceQa).toMatchObject({ notifications: 2, acknowledged: 1, highlighted: true, teamName: "QA-A Team" });
    expect(aliceDesk).toMatchObject({ burden: 0, onCallHours: 0, notifications: 0, acknowledged: 0, highlighted: false, teamName: "Service Desk" });
    expect(rowOf(r, "bob", "desk")).toMatchObject({ notifications: 1, highlighted: true });
    expect(rowOf(r, "bob", "qa")).toMatchObject({ burden: 0, notifications: 0, highlighted: false });
    // 4 + 4 members, 2 in Security Operations, and Erin paged for the Service Desk.
    expect(r.people).toHaveLength(11);
    expect(rowOf(r, "erin", "desk")).toMatchObject({ notifications: 1, burden: 0, teamName: "Service Desk" });
    expect(rowOf(r, "erin", "sec")).toMatchObject({ notifications: 0 });
  });

  it("a team filter shows that team's rows exactly as they are without it (highlighting included)", async () => {
    const all = await report();
    for (const team of ["qa", "desk", "sec"]) {
      const one = await report({ teamId: id[team]! });
      expect(one.people.map(key).sort(), team).toEqual(all.people.filter((p) => p.teamId === id[team]).map(key).sort());
      for (const p of one.people) expect(p, `${p.name} in ${team}`).toEqual(all.people.find((q) => key(q) === key(p)));
      expect(one.teams).toEqual(all.teams.filter((x) => x.teamId === id[team]));
    }
  });

  it("the same answer every time (no arbitrary team for people in two)", async () => {
    const a = await report();
    const b = await report();
    expect(b.people).toEqual(a.people);
  });

  it("each team's mean is over its own rows, and who is highlighted is judged against it", async () => {
    const r = await report();
    expect(r.teams.map((x) => [x.teamName, x.people])).toEqual([["QA-A Team", 4], ["Security Operations", 2], ["Service Desk", 5]]);
    for (const team of r.teams) {
      const rows = r.people.filter((p) => p.teamId === team.teamId);
      expect(team.mean.burden).toBeCloseTo(rows.reduce((a, p) => a + p.burden, 0) / rows.length, 9);
      expect(team.mean.interruptions).toBeCloseTo(rows.reduce((a, p) => a + p.interruptions.total, 0) / rows.length, 9);
    }
    const sec = r.teams.find((x) => x.teamId === id.sec)!;
    expect(sec.mean.burden).toBeCloseTo(rowOf(r, "grace", "sec")!.burden / 2, 9);
    expect(sec.mean.burden).not.toBeCloseTo(r.mean.burden, 3);
  });

  it("REST and CSV: the rows carry their team's name", async () => {
    const res = await callRoute(loadRoute.GET, { path: `/api/v1/reports/load?from=${PERIOD.from}&to=${PERIOD.to}`, token });
    expect(res.status).toBe(200);
    expect(res.json.data.people.filter((p: LoadPersonRow) => p.userId === id.alice)).toHaveLength(2);
    expect(res.json.data.teams).toHaveLength(3);
    const { NextRequest } = await import("next/server");
    const csv = await loadRoute.GET(new NextRequest(`http://localhost:3000/api/v1/reports/load?from=${PERIOD.from}&to=${PERIOD.to}&format=csv&table=people`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toMatch(/,teamId,teamName$/);
    expect(lines.filter((l) => l.startsWith(`${id.alice},`)).map((l) => l.split(",").at(-1))).toEqual(["QA-A Team", "Service Desk"]);
  });
});
