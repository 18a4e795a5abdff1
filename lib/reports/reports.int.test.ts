import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { clients, incidentEscalations, incidents, notifications, postmortems, type NotificationState } from "@/db/schema";
import { ctxFor, makeClient, makeIncident, makeService, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { callRoute } from "@/db/test/route-call";
import { createTestDatabase } from "@/db/test/test-database";
import type { Channel } from "@/lib/core/escalation";
import { ForbiddenError, InvalidError } from "@/lib/errors";
import { ensureDraftPostmortem } from "@/lib/postmortems/ensure-draft";
import { fairnessReport } from "@/lib/schedules/fairness-report";
import { createToken } from "@/lib/tokens/create-token";
import * as clientRoute from "@/app/api/v1/clients/[clientId]/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as alertQualityRoute from "@/app/api/v1/reports/alert-quality/route";
import * as deliveryRoute from "@/app/api/v1/reports/delivery/route";
import * as loadRoute from "@/app/api/v1/reports/load/route";
import * as responseRoute from "@/app/api/v1/reports/response/route";
import { alertQualityReport } from "./alert-quality-report";
import { deliveryReport } from "./delivery-report";
import { loadReport } from "./load-report";
import { reportHeadlines } from "./report-headlines";
import { responseReport } from "./response-report";

/*
 * Fixture (all instants UTC). Period [2026-03-02, 2026-03-16): two ISO weeks, Mondays 03-02 and 03-09.
 * Team A runs service SA for client C1 (New York; SLA high: acknowledge 10 min, resolve 60 min).
 * Team B runs service SB for client C2 (no targets).
 *
 *   incident  priority  triggered            ack after  resolved after  notes
 *   I1        high      03-02 10:00          2 min      30 min         acked by Erin
 *   I2        high      03-03 23:50          4 min      60 min         spans midnight (resolved 03-04 00:50); 60 = target, no breach; acked by Erin
 *   I3        high      03-08 06:30          60 min     120 min        NY DST day: 01:30 EST → ack 03:30 EDT, resolved 04:30 EDT —
 *                                                                     the wall clock says 3 h, the real duration is 2 h; failed over first
 *   I4        high      03-10 12:00          6 min      90 min         escalated to level 2; acked by Erin
 *   I5        high      03-11 12:00          8 min      240 min        confidential; Erin is no participant
 *   I6        medium    03-12 12:00          —          50 min         failed over, then resolved unacknowledged: unanswered; no medium target
 *   I7 (SB)   high      03-05 12:00          1 min      10 min         team B / client C2
 *
 * Team A's view (Erin, or the stakeholder of C1): I1–I6.
 *   MTTA over [2, 4, 60, 6, 8] min → sorted [2, 4, 6, 8, 60]: mean 80/5 = 16, median 6, p90 rank ⌈4.5⌉ = 5 → 60.
 *   MTTR over [30, 60, 120, 90, 240, 50] → sorted [30, 50, 60, 90, 120, 240]: mean 590/6, median (60+90)/2 = 75, p90 rank ⌈5.4⌉ = 6 → 240.
 *   weeks: 03-02 holds I1, I2, I3 (Sunday 03-08 is still that week); 03-09 holds I4, I5, I6.
 *   SLA: measured = I1–I5 (5); breaches I3 acknowledge (60 > 10), I3 resolve (120 > 60), I4 resolve (90 > 60), I5 resolve (240 > 60) = 4.
 * Manager's view adds I7: 7 incidents, MTTA mean (80 + 1)/6 = 13.5.
 *
 * Erin's pages (zone America/Los_Angeles):
 *   n1 03-02 10:00:00 email  read after 5 min   Monday 02:00 PST: sleep (in UTC it would be business hours)
 *   n2 03-02 10:00:30 push   delivered          30 s after n1: same interruption
 *   n3 03-02 10:02:00 in_app read after 1 min   90 s after n2: a new interruption, 02:02 PST: sleep
 *   n4 03-10 15:30:00 email  failed             08:30 PDT (after the 03-08 DST change; 07:30 in PST would be sleep): business
 *   n5 03-10 15:30:10 email  cancelled          never sent: not counted anywhere
 *   → notifications 4; interruptions sleep 2, business 1, off-hours 0, total 3; acknowledged I1, I2, I4 = 3.
 * Delivery (manager): total 4 (n5 cancelled is left out); email 2 (1 read, 1 failed), push 1 delivered, in_app 1 read;
 *   time to read [5, 1] min → mean 3 min, median 3 min, p90 rank ⌈1.8⌉ = 2 → 5 min.
 * Alert quality: I1's review says no issue, right person, not enough information; I4's real, missed, enough.
 *   reviewed 2, not real 1, wrong person 1, not enough information 1.
 */
const MIN = 60_000;
const at = (iso: string) => new Date(`${iso}Z`);
const NOW = at("2026-03-20T00:00:00");
const PERIOD = { from: "2026-03-02", to: "2026-03-15" }; // `to` as a date is inclusive: [03-02, 03-16)

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const id: Record<string, string> = {};
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  const db = t.db;
  const manager = await makeUser(db, { role: "manager", name: "Mona Manager" });
  const erin = await makeUser(db, { name: "Erin Engineer", timeZone: "America/Los_Angeles" });
  const oscar = await makeUser(db, { name: "Oscar Outsider" });
  const stella = await makeUser(db, { role: "stakeholder", name: "Stella Stakeholder" });
  const teamA = await makeTeam(db, [{ userId: erin.id }]);
  const teamB = await makeTeam(db, [{ userId: oscar.id }]);
  const c1 = await makeClient(db, { teamIds: [teamA.id], stakeholderIds: [stella.id] });
  await db.update(clients).set({ slaTargets: { high: { acknowledgeMinutes: 10, resolveMinutes: 60 } } }).where(eq(clients.id, c1.id));
  const c2 = await makeClient(db, { teamIds: [teamB.id] });
  const sa = await makeService(db, { clientId: c1.id, teamId: teamA.id, name: "SA servers" });
  const sb = await makeService(db, { clientId: c2.id, teamId: teamB.id, name: "SB network" });
  await makeWeeklySchedule(db, { participantIds: [erin.id], teamId: teamA.id, startDate: "2026-03-02" });

  const make = async (name: string, service: typeof sa, trig: string, opts: { ack?: number; resolve?: number; by?: string; priority?: "high" | "medium"; confidential?: boolean }) => {
    const i = await makeIncident(db, service, { at: at(trig), title: `${name} title`, priority: opts.priority ?? "high", confidential: opts.confidential });
    const t0 = at(trig).getTime();
    await db
      .update(incidents)
      .set({
        status: opts.resolve ? "resolved" : opts.ack ? "acknowledged" : "triggered",
        acknowledgedAt: opts.ack ? new Date(t0 + opts.ack * MIN) : null,
        acknowledgedBy: opts.ack ? (opts.by ?? manager.id) : null,
        resolvedAt: opts.resolve ? new Date(t0 + opts.resolve * MIN) : null,
      })
      .where(eq(incidents.id, i.id));
    id[name] = i.id;
    return i;
  };
  await make("I1", sa, "2026-03-02T10:00:00", { ack: 2, resolve: 30, by: erin.id });
  await make("I2", sa, "2026-03-03T23:50:00", { ack: 4, resolve: 60, by: erin.id });
  await make("I3", sa, "2026-03-08T06:30:00", { ack: 60, resolve: 120 });
  await make("I4", sa, "2026-03-10T12:00:00", { ack: 6, resolve: 90, by: erin.id });
  await make("I5", sa, "2026-03-11T12:00:00", { ack: 8, resolve: 240, confidential: true });
  await make("I6", sa, "2026-03-12T12:00:00", { resolve: 50, priority: "medium" });
  await make("I7", sb, "2026-03-05T12:00:00", { ack: 1, resolve: 10 });
  // An incident outside the period: never counted.
  await make("before", sa, "2026-03-01T23:59:59", { ack: 500, resolve: 900 });

  const policy = (levels: number) => ({ levels: Array.from({ length: levels }, () => ({ delayMinutes: 5, targets: [] })), repeat: 0, stopOn: "acknowledged", failover: { leads: true, userIds: [], emails: [] } });
  await db.insert(incidentEscalations).values([
    { incidentId: id.I3!, policy: policy(1) as never, phase: "failed_over", level: 0, repeat: 0, createdAt: NOW, updatedAt: NOW },
    { incidentId: id.I4!, policy: policy(2) as never, phase: "stopped", level: 1, repeat: 0, createdAt: NOW, updatedAt: NOW },
    { incidentId: id.I1!, policy: policy(2) as never, phase: "stopped", level: 0, repeat: 0, createdAt: NOW, updatedAt: NOW },
    { incidentId: id.I6!, policy: policy(1) as never, phase: "failed_over", level: 0, repeat: 0, createdAt: NOW, updatedAt: NOW },
  ]);

  const page = (incident: string, created: string, channel: Channel, state: NotificationState, readAfterMin?: number, level = 0) => ({
    incidentId: id[incident]!,
    kind: "page" as const,
    level,
    repeat: 0,
    recipient: erin.id,
    userId: erin.id,
    channel,
    state,
    createdAt: at(created),
    sentAt: state === "cancelled" ? null : at(created),
    readAt: readAfterMin === undefined ? null : new Date(at(created).getTime() + readAfterMin * MIN),
  });
  await db.insert(notifications).values([
    page("I1", "2026-03-02T10:00:00", "email", "read", 5),
    page("I1", "2026-03-02T10:00:30", "push", "delivered"),
    { ...page("I1", "2026-03-02T10:02:00", "in_app", "read", 1), repeat: 1 },
    page("I4", "2026-03-10T15:30:00", "email", "failed", undefined, 1),
    { ...page("I4", "2026-03-10T15:30:10", "email", "cancelled", undefined, 1), repeat: 1 },
  ]);

  for (const [name, review] of [
    ["I1", { alertReal: "no_issue", reachedRightPerson: "yes", enoughInformation: false }],
    ["I4", { alertReal: "real", reachedRightPerson: "missed", enoughInformation: true }],
  ] as const) {
    const pm = await ensureDraftPostmortem(db, id[name]!, NOW);
    await db.update(postmortems).set(review).where(eq(postmortems.id, pm!.id));
  }

  Object.assign(id, { manager: manager.id, erin: erin.id, oscar: oscar.id, stella: stella.id, teamA: teamA.id, teamB: teamB.id, c1: c1.id, c2: c2.id, sa: sa.id });
  for (const [who, userId] of Object.entries({ manager: manager.id, erin: erin.id, stella: stella.id })) {
    tok[who] = (await createToken({ ctx: await ctxFor(db, userId), input: { name: `${who} reports` } })).token;
  }
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const ctxOf = (who: string) => ctxFor(t.db, id[who]!, NOW);

describe("response report", () => {
  it("team A's figures by hand: MTTA/MTTR mean, median, p90; escalated, failed over, unanswered", async () => {
    const r = await responseReport({ ctx: await ctxOf("erin"), input: PERIOD });
    expect(r.filters).toMatchObject({ from: "2026-03-02T00:00:00.000Z", to: "2026-03-16T00:00:00.000Z" });
    expect(r.totals.incidents).toBe(6);
    expect(r.totals.mtta).toEqual({ count: 5, mean: 16 * MIN, median: 6 * MIN, p90: 60 * MIN });
    expect(r.totals.mttr.count).toBe(6);
    expect(r.totals.mttr.mean).toBeCloseTo((590 / 6) * MIN, 3);
    expect(r.totals.mttr).toMatchObject({ median: 75 * MIN, p90: 240 * MIN });
    // Failed over: I3 (acknowledged late: answered) and I6 (never acknowledged: unanswered).
    expect(r.totals).toMatchObject({ escalated: 1, failedOver: 2, unanswered: 1 });
    expect(r.byTeam.map((g) => [g.key, g.incidents])).toEqual([[id.teamA, 6]]);
    expect(r.byPriority.map((g) => [g.key, g.incidents, g.label])).toEqual([["high", 5, "High"], ["medium", 1, "Medium"]]);
    expect(r.byService).toEqual([expect.objectContaining({ key: id.sa, label: "SA servers", incidents: 6 })]);
  });

  it("week by week (Monday, UTC), every week present; the DST Sunday belongs to the week of 03-02", async () => {
    const r = await responseReport({ ctx: await ctxOf("erin"), input: PERIOD });
    expect(r.byWeek.map((w) => [w.key, w.label, w.incidents])).toEqual([["2026-03-02", "2026-W10", 3], ["2026-03-09", "2026-W11", 3]]);
    // Week 1: I1 2, I2 4, I3 60 → median 4; TTR 30, 60, 120 (the DST incident is 2 real hours, not 3).
    expect(r.byWeek[0]!.mtta).toMatchObject({ median: 4 * MIN, p90: 60 * MIN });
    expect(r.byWeek[0]!.mttr).toEqual({ count: 3, mean: 70 * MIN, median: 60 * MIN, p90: 120 * MIN });
  });

  it("SLA breaches: the confidential one counted but not listed to an engineer who isn't a participant", async () => {
    const r = await responseReport({ ctx: await ctxOf("erin"), input: PERIOD });
    expect(r.sla).toMatchObject({ breachCount: 4, measured: 5 });
    expect(r.sla.breaches.map((b) => [b.number === null ? null : b.title, b.kind, b.targetMinutes, b.tookMs / MIN])).toEqual([
      [null, "resolve", 60, 240],
      ["I4 title", "resolve", 60, 90],
      ["I3 title", "acknowledge", 10, 60],
      ["I3 title", "resolve", 60, 120],
    ]);
    expect(r.sla.breaches[0]).toMatchObject({ incidentId: null, number: null, title: null, clientId: id.c1, priority: "high", triggeredAt: "2026-03-11T12:00:00.000Z" });
  });

  it("a manager sees every team and the confidential breach listed", async () => {
    const r = await responseReport({ ctx: await ctxOf("manager"), input: PERIOD });
    expect(r.totals.incidents).toBe(7);
    expect(r.totals.mtta.mean).toBe(13.5 * MIN);
    expect(r.byTeam.map((g) => g.key).sort()).toEqual([id.teamA, id.teamB].sort());
    expect(r.sla.breaches[0]).toMatchObject({ incidentId: id.I5, title: "I5 title" });
    const c2 = await responseReport({ ctx: await ctxOf("manager"), input: { ...PERIOD, clientId: id.c2 } });
    expect(c2.totals.incidents).toBe(1);
    expect(c2.sla).toEqual({ breaches: [], breachCount: 0, measured: 0 });
  });

  it("a stakeholder sees their client's figures, no team rows, the confidential breach unlisted", async () => {
    const r = await responseReport({ ctx: await ctxOf("stella"), input: PERIOD });
    expect(r.totals.incidents).toBe(6);
    expect(r.byTeam).toEqual([]);
    expect(r.byClient.map((g) => g.key)).toEqual([id.c1]);
    expect(r.sla.breaches[0]!.title).toBeNull();
  });

  it("the outsider's team has nothing of team A", async () => {
    const r = await responseReport({ ctx: await ctxOf("oscar"), input: PERIOD });
    expect(r.totals.incidents).toBe(1);
  });

  it("bad filters name the field; the default period is the 30 days ending now", async () => {
    const ctx = await ctxOf("manager");
    await expect(responseReport({ ctx, input: { from: "yesterday" } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "from" })] });
    await expect(responseReport({ ctx, input: { from: "2026-03-10", to: "2026-03-01" } })).rejects.toBeInstanceOf(InvalidError);
    await expect(responseReport({ ctx, input: { from: "2025-01-01", to: "2026-03-01" } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "to" })] });
    await expect(responseReport({ ctx, input: { priority: "urgent" } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "priority" })] });
    const r = await responseReport({ ctx, input: {} });
    expect(r.filters).toMatchObject({ from: "2026-02-18T00:00:00.000Z", to: "2026-03-20T00:00:00.000Z" });
  });
});

describe("load report", () => {
  it("Erin's pages merged (30 s apart one, 90 s apart two) and banded in her zone; acknowledged; fairness figures reused", async () => {
    const ctx = await ctxOf("erin");
    const r = await loadReport({ ctx, input: PERIOD });
    const erin = r.people.find((p) => p.userId === id.erin)!;
    expect(erin).toMatchObject({ timeZone: "America/Los_Angeles", notifications: 4, interruptions: { business: 1, off_hours: 0, sleep: 2, total: 3 }, acknowledged: 3, teamId: id.teamA });
    const fair = await fairnessReport({ ctx, input: { teamId: id.teamA, from: "2026-03-02T00:00:00Z", to: "2026-03-16T00:00:00Z" } });
    const f = fair.people.find((p) => p.userId === id.erin)!;
    expect(f.hours).toBeGreaterThan(0);
    expect(erin.onCallHours).toBeCloseTo(f.hours, 6);
    expect(erin.burden).toBeCloseTo(f.burden, 6);
    // Only team A's people for an engineer of team A.
    expect(r.people.map((p) => p.userId)).toEqual([id.erin]);
  });

  it("a manager sees both teams; a stakeholder is refused", async () => {
    const r = await loadReport({ ctx: await ctxOf("manager"), input: PERIOD });
    expect(r.people.map((p) => p.userId).sort()).toEqual([id.erin, id.oscar].sort());
    await expect(loadReport({ ctx: await ctxOf("stella"), input: PERIOD })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(alertQualityReport({ ctx: await ctxOf("stella"), input: PERIOD })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deliveryReport({ ctx: await ctxOf("stella"), input: PERIOD })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("delivery and alert quality", () => {
  it("notifications by channel and state, time to read; cancelled left out", async () => {
    const r = await deliveryReport({ ctx: await ctxOf("manager"), input: PERIOD });
    expect(r.totals).toMatchObject({ channel: "all", total: 4, pending: 0, sent: 0, delivered: 1, read: 2, failed: 1, timeToRead: { count: 2, mean: 3 * MIN, median: 3 * MIN, p90: 5 * MIN } });
    expect(r.byChannel.map((c) => [c.channel, c.total, c.read, c.failed, c.timeToRead.mean])).toEqual([
      ["in_app", 1, 1, 0, 1 * MIN],
      ["email", 2, 1, 1, 5 * MIN],
      ["push", 1, 0, 0, null],
    ]);
  });

  it("shares of the alerting review; noisiest service first", async () => {
    const r = await alertQualityReport({ ctx: await ctxOf("manager"), input: PERIOD });
    expect(r.totals).toMatchObject({ reviewed: 2, notReal: 1, couldHaveWaited: 0, wrongPerson: 1, notEnoughInformation: 1 });
    expect(r.shares).toEqual({ notReal: 0.5, couldHaveWaited: 0, wrongPerson: 0.5, notEnoughInformation: 0.5 });
    expect(r.noisiestServices.map((s) => [s.label, s.incidents, s.events])).toEqual([["SA servers", 6, 6], ["SB network", 1, 1]]);
    expect(r.noisiestRules).toEqual([expect.objectContaining({ key: "default", incidents: 7, reviewed: 2 })]);
  });
});

describe("dashboard headlines", () => {
  it("the 7 days ending now", async () => {
    const ctx = await ctxFor(t.db, id.manager!, at("2026-03-13T00:00:00"));
    // [03-06, 03-13): I3, I4, I5, I6; Erin's n4 (business) only.
    const h = await reportHeadlines({ ctx });
    expect(h).toMatchObject({ incidents: 4, escalated: 1, afterHoursInterruptions: 0, slaBreaches: 4 });
    expect(h.mtta).toBe(((60 + 6 + 8) / 3) * MIN);
    const s = await reportHeadlines({ ctx: await ctxFor(t.db, id.stella!, at("2026-03-13T00:00:00")) });
    expect(s.afterHoursInterruptions).toBeNull();
  });
});

/** A route's raw response (CSV is not JSON). */
async function raw(handler: typeof responseRoute.GET, path: string, token: string) {
  const { NextRequest } = await import("next/server");
  return handler(new NextRequest(`http://localhost:3000${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
}

describe("REST v1 reports", () => {
  const q = `from=${PERIOD.from}&to=${PERIOD.to}`;
  it("JSON with a token; 401 without; stakeholders 403 on load, alert quality and delivery", async () => {
    const ok = await callRoute(responseRoute.GET, { path: `/api/v1/reports/response?${q}`, token: tok.erin });
    expect(ok.status).toBe(200);
    expect(ok.json.data.totals.incidents).toBe(6);
    expect((await callRoute(responseRoute.GET, { path: `/api/v1/reports/response?${q}` })).status).toBe(401);
    for (const route of [loadRoute, alertQualityRoute, deliveryRoute]) {
      const res = await callRoute(route.GET, { path: `/api/v1/reports/x?${q}`, token: tok.stella });
      expect(res.status).toBe(403);
      expect((await callRoute(route.GET, { path: `/api/v1/reports/x?${q}` })).status).toBe(401);
    }
    expect((await callRoute(loadRoute.GET, { path: `/api/v1/reports/load?${q}`, token: tok.erin })).status).toBe(200);
    expect((await callRoute(responseRoute.GET, { path: `/api/v1/reports/response?${q}`, token: tok.stella })).status).toBe(200);
  });

  it("a bad filter is a 400 naming the field", async () => {
    const res = await callRoute(deliveryRoute.GET, { path: "/api/v1/reports/delivery?from=03/02/2026", token: tok.manager });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([expect.objectContaining({ path: "query.from" })]);
    const csv = await callRoute(loadRoute.GET, { path: `/api/v1/reports/load?${q}&format=csv&table=byTeam`, token: tok.manager });
    expect(csv.status).toBe(400);
    expect(csv.json.error.issues[0].path).toBe("query.table");
  });

  it("CSV: text/csv attachment named after report, table and period; a header and parsed rows", async () => {
    const res = await raw(responseRoute.GET, `/api/v1/reports/response?${q}&format=csv&table=slaBreaches`, tok.erin!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="baton-response-slaBreaches-2026-03-02-2026-03-15.csv"');
    const text = await res.text();
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    const header = lines[0]!.split(",");
    expect(header).toEqual(["incidentId", "number", "title", "clientId", "clientName", "priority", "kind", "targetMinutes", "tookMs", "triggeredAt"]);
    const row = (i: number) => Object.fromEntries(lines[i]!.split(",").map((v, k) => [header[k], v]));
    expect(row(1)).toMatchObject({ incidentId: "", title: "", kind: "resolve", targetMinutes: "60", tookMs: String(240 * MIN) });
    expect(row(2)).toMatchObject({ incidentId: id.I4, title: "I4 title", tookMs: String(90 * MIN) });
    const people = await raw(loadRoute.GET, `/api/v1/reports/load?${q}&format=csv&table=people`, tok.erin!);
    const peopleLines = (await people.text()).split("\r\n");
    expect(peopleLines[0]).toBe("userId,name,timeZone,onCallHours,notifications,interruptions.business,interruptions.off_hours,interruptions.sleep,interruptions.total,acknowledged,burden,ledgerHours,highlighted,teamId,teamName");
    expect(peopleLines[1]).toContain(`${id.erin},Erin Engineer,America/Los_Angeles,`);
  });

  it("the OpenAPI document lists the four reports", async () => {
    const { NextRequest } = await import("next/server");
    const doc = await openapiRoute.GET(new NextRequest("http://localhost:3000/api/v1/openapi.json")).json();
    for (const p of ["response", "load", "alert-quality", "delivery"]) expect(doc.paths[`/api/v1/reports/${p}`]?.get?.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
  });
});

describe("SLA targets on the client (REST)", () => {
  it("a manager sets them (a priority with neither target is dropped); bad minutes are a 400 naming the field; a stakeholder can't", async () => {
    const path = `/api/v1/clients/${id.c2}`;
    const params = { clientId: id.c2! };
    const set = await callRoute(clientRoute.PATCH, { method: "PATCH", path, params, token: tok.manager, body: { slaTargets: { high: { acknowledgeMinutes: 15, resolveMinutes: null }, low: { acknowledgeMinutes: null, resolveMinutes: null } } } });
    expect(set.status).toBe(200);
    expect(set.json.data.slaTargets).toEqual({ high: { acknowledgeMinutes: 15, resolveMinutes: null } });
    for (const [bad, field] of [[{ high: { acknowledgeMinutes: 0 } }, "slaTargets.high.acknowledgeMinutes"], [{ high: { resolveMinutes: 1.5 } }, "slaTargets.high.resolveMinutes"], [{ high: { resolveMinutes: 100_001 } }, "slaTargets.high.resolveMinutes"], [{ urgent: {} }, "slaTargets"]] as const) {
      const res = await callRoute(clientRoute.PATCH, { method: "PATCH", path, params, token: tok.manager, body: { slaTargets: bad } });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    expect((await callRoute(clientRoute.PATCH, { method: "PATCH", path: `/api/v1/clients/${id.c1}`, params: { clientId: id.c1! }, token: tok.stella, body: { slaTargets: {} } })).status).toBe(403);
    // Now I7 (C2, high, acknowledged after 1 min) is measured and within its 15 minutes.
    const r = await responseReport({ ctx: await ctxOf("manager"), input: { ...PERIOD, clientId: id.c2 } });
    expect(r.sla).toEqual({ breaches: [], breachCount: 0, measured: 1 });
  });
});
