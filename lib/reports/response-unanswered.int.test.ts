import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useDbHandle } from "@/db/client";
import { incidentEscalations, incidents } from "@/db/schema";
import { ctxFor, makeClient, makeIntegrationKey, makePolicy, makeService, makeTeam, makeUser, makeWeeklySchedule } from "@/db/test/factories";
import { createTestDatabase } from "@/db/test/test-database";
import { advanceEscalation } from "@/lib/escalations/advance-escalation";
import { applyAcknowledge } from "@/lib/incidents/acknowledge-incident";
import { listIncidents } from "@/lib/incidents/read-incidents";
import { handleEnqueue } from "@/lib/ingest/enqueue-handler";
import { responseReport } from "./response-report";

/*
 * "Unanswered" and MTTR over incidents driven the real way: events from monitoring (PagerDuty
 * Events v2), the escalation advanced step by step, a person acknowledging. Each case has its own
 * service, so the report's byService rows give each case's figures.
 *
 * Client in New York, business hours Mon–Fri 08:00–18:00; T0 = Monday 2026-11-23 07:00 UTC (02:00
 * in New York): medium (warning) and low (info) alerts wait for 08:00 (13:00 UTC). Policy: Alice's
 * schedule, 5 minutes, no repeat, then failover to the team's lead.
 */
const MIN = 60_000;
const T0 = new Date("2026-11-23T07:00:00Z");
const OPEN = new Date("2026-11-23T13:00:00Z"); // 08:00 in New York: the deferral's end
const at = (ms: number, from = T0) => new Date(from.getTime() + ms);
const PERIOD = { from: "2026-11-23T00:00:00Z", to: "2026-11-24T00:00:00Z" };

type Step = { kind: "trigger"; severity: "critical" | "warning" | "info" } | { kind: "advance" } | { kind: "resolve" } | { kind: "ack" };
type Case = {
  name: string;
  steps: [Date, Step][];
  /** The byService row's counts. */
  expected: { unanswered: number; failedOver: number; mttr: number; mtta: number };
  /** Still marked unanswered now: the incident list's `unanswered=true` has it. */
  listed?: boolean;
};

const trigger = (severity: "critical" | "warning" | "info"): Step => ({ kind: "trigger", severity });
const advance: Step = { kind: "advance" };
const resolve: Step = { kind: "resolve" };
const ack: Step = { kind: "ack" };

const CASES: Case[] = [
  {
    name: "medium, deferred to business hours, resolved by monitoring 28 ms later: nobody paged — not unanswered, no MTTR",
    steps: [[T0, trigger("warning")], [at(28), resolve], [at(28), advance]],
    expected: { unanswered: 0, failedOver: 0, mttr: 0, mtta: 0 },
  },
  {
    name: "low, deferred, resolved by monitoring before business hours: nobody paged — not unanswered, no MTTR",
    steps: [[T0, trigger("info")], [at(28), resolve], [at(28), advance]],
    expected: { unanswered: 0, failedOver: 0, mttr: 0, mtta: 0 },
  },
  {
    name: "high, paged, the policy ran out, still open: unanswered (and on the incident list)",
    steps: [[T0, trigger("critical")], [T0, advance], [at(5 * MIN), advance]],
    expected: { unanswered: 1, failedOver: 1, mttr: 0, mtta: 0 },
    listed: true,
  },
  {
    name: "high, the policy ran out, then resolved by monitoring with nobody acknowledging: unanswered",
    steps: [[T0, trigger("critical")], [T0, advance], [at(5 * MIN), advance], [at(20 * MIN), resolve]],
    expected: { unanswered: 1, failedOver: 1, mttr: 1, mtta: 0 },
  },
  {
    name: "high, the policy ran out, acknowledged late: failed over, answered",
    steps: [[T0, trigger("critical")], [T0, advance], [at(5 * MIN), advance], [at(20 * MIN), ack], [at(30 * MIN), resolve]],
    expected: { unanswered: 0, failedOver: 1, mttr: 1, mtta: 1 },
  },
  {
    name: "high, paged, resolved by monitoring before the policy ran out: not unanswered, in MTTR",
    steps: [[T0, trigger("critical")], [T0, advance], [at(2 * MIN), resolve], [at(2 * MIN), advance]],
    expected: { unanswered: 0, failedOver: 0, mttr: 1, mtta: 0 },
  },
  {
    name: "medium, deferred, promoted at business hours, paged and acknowledged",
    steps: [[T0, trigger("warning")], [OPEN, advance], [at(3 * MIN, OPEN), ack], [at(10 * MIN, OPEN), resolve]],
    expected: { unanswered: 0, failedOver: 0, mttr: 1, mtta: 1 },
  },
  {
    name: "medium, deferred, acknowledged from the list before business hours: worked, in MTTR",
    steps: [[T0, trigger("warning")], [at(10 * MIN), ack], [at(20 * MIN), resolve], [at(20 * MIN), advance]],
    expected: { unanswered: 0, failedOver: 0, mttr: 1, mtta: 1 },
  },
];

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let managerId = "";
let teamId = "";
const serviceOf: Record<string, string> = {};
const incidentOf: Record<string, string> = {};

const enqueue = (body: unknown, now: Date) =>
  handleEnqueue(new Request("http://localhost/v2/enqueue", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), () => now);

beforeAll(async () => {
  t = await createTestDatabase();
  useDbHandle(t);
  const db = t.db;
  const manager = await makeUser(db, { role: "manager", name: "Mona Manager" });
  const alice = await makeUser(db, { name: "Alice", timeZone: "America/New_York" });
  const lena = await makeUser(db, { name: "Lena" });
  const team = await makeTeam(db, [{ userId: alice.id }, { userId: lena.id, isLead: true }]);
  const client = await makeClient(db, { teamIds: [team.id] });
  const { schedule } = await makeWeeklySchedule(db, { participantIds: [alice.id], teamId: team.id });
  const policy = await makePolicy(db, { levels: [{ delayMinutes: 5, targets: [{ type: "schedule", id: schedule.id }] }] });
  managerId = manager.id;
  teamId = team.id;

  for (const [n, c] of CASES.entries()) {
    const service = await makeService(db, { clientId: client.id, teamId: team.id, escalationPolicyId: policy.id, name: `case ${n}` });
    const { key } = await makeIntegrationKey(db, service.id);
    serviceOf[c.name] = service.id;
    const dedup = `case-${n}`;
    for (const [when, step] of c.steps) {
      if (step.kind === "trigger") {
        expect((await enqueue({ routing_key: key, event_action: "trigger", dedup_key: dedup, payload: { summary: c.name, source: "mon-1", severity: step.severity } }, when)).status).toBe(202);
        const [row] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.serviceId, service.id));
        incidentOf[c.name] = row!.id;
      } else if (step.kind === "resolve") {
        expect((await enqueue({ routing_key: key, event_action: "resolve", dedup_key: dedup }, when)).status).toBe(202);
      } else if (step.kind === "ack") {
        expect(await db.transaction((tx) => applyAcknowledge(tx, incidentOf[c.name]!, { userId: alice.id, label: "Alice" }, when))).toBe(true);
      } else {
        await advanceEscalation(db, incidentOf[c.name]!, when);
      }
    }
  }
});
afterAll(async () => {
  useDbHandle(undefined);
  await t.drop();
});

const NOW = new Date("2026-11-24T12:00:00Z");

describe("unanswered: the escalation ran out and nobody acknowledged (the incident list's definition)", () => {
  it("the fixture is what the steps say: deferred ones never paged, the failed-over ones failed over", async () => {
    const esc = async (name: string) => (await t.db.select().from(incidentEscalations).where(eq(incidentEscalations.incidentId, incidentOf[name]!)))[0]!;
    expect(await esc(CASES[0]!.name)).toMatchObject({ phase: "stopped", level: null, stopReason: "resolved" });
    expect(await esc(CASES[2]!.name)).toMatchObject({ phase: "failed_over" });
    const [deferred] = await t.db.select().from(incidents).where(eq(incidents.id, incidentOf[CASES[0]!.name]!));
    expect(deferred).toMatchObject({ status: "resolved", promotedAt: null, deferredUntil: OPEN });
  });

  it.each(CASES)("$name", async (c) => {
    const r = await responseReport({ ctx: await ctxFor(t.db, managerId, NOW), input: PERIOD });
    const row = r.byService.find((s) => s.key === serviceOf[c.name]);
    expect(row).toBeDefined();
    expect({ unanswered: row!.unanswered, failedOver: row!.failedOver, mttr: row!.mttr.count, mtta: row!.mtta.count }).toEqual(c.expected);
    expect(row!.incidents).toBe(1);
  });

  it("totals: unanswered never exceeds failed over; no MTTR of a few milliseconds from incidents nobody was paged for", async () => {
    const r = await responseReport({ ctx: await ctxFor(t.db, managerId, NOW), input: { ...PERIOD, teamId } });
    expect(r.totals).toMatchObject({ incidents: CASES.length, unanswered: 2, failedOver: 3 });
    expect(r.totals.mttr.count).toBe(CASES.filter((c) => c.expected.mttr).length);
    expect(r.totals.mttr.median).toBeGreaterThanOrEqual(2 * MIN);
  });

  it("an open incident counts as unanswered in the report exactly when GET /api/v1/incidents?unanswered=true lists it", async () => {
    const ctx = await ctxFor(t.db, managerId, NOW);
    const listed = (await listIncidents(ctx, { unanswered: true })).data.map((i) => i.id).sort();
    expect(listed).toEqual(CASES.filter((c) => c.listed).map((c) => incidentOf[c.name]!).sort());
    const r = await responseReport({ ctx, input: PERIOD });
    for (const c of CASES) {
      const [row] = await t.db.select({ status: incidents.status }).from(incidents).where(eq(incidents.id, incidentOf[c.name]!));
      const unanswered = r.byService.find((s) => s.key === serviceOf[c.name])!.unanswered;
      if (row!.status !== "resolved") expect(unanswered === 1, c.name).toBe(listed.includes(incidentOf[c.name]!));
    }
  });
});
