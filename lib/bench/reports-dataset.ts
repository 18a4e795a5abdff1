/**
 * The reports benchmark's data: a deterministic history of `incidents` incidents (100,000 by
 * default) over two years for an MSP with 12 clients in 12 time zones, 6 teams, 60 services, and
 * for each incident what Baton itself would have written: its alert and raw events, the
 * escalation's state, notification rows (exactly one per incident, level, repeat, person and
 * channel), timeline rows (received, prioritised, triggered or deferred, promoted, notified, read,
 * escalated, failed over, acknowledged, notes, status updates, resolved), participants of the
 * confidential ones, and post-mortems with the alerting review for a share of the resolved ones.
 *
 * One seeded PRNG drives everything, so a seed gives the same rows (and ids) on PostgreSQL and
 * PGlite. Rows go in as batches of `INSERT … SELECT … FROM json_populate_recordset(null::table,
 * $1)`: one bound JSON parameter per batch (COPY is not available through PGlite; this is the
 * next fastest thing on both drivers).
 *
 * Not touched: the append-only custody tables (no evidence is generated), post-mortem revisions.
 * The post-mortem sweep (lib/postmortems) only runs inside a workflow driver, which the
 * benchmark never starts; and it looks back 30 days from the wall clock, so it would only draft
 * the most recent incidents anyway.
 */
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import type { Priority, Severity } from "@/lib/core/alerts";
import { uniformBusinessHours } from "@/lib/core/business-hours";
import type { Channel, PolicySnapshot } from "@/lib/core/escalation";
import { ZoneOffsetTable } from "@/lib/core/time/zone-offsets";
import { isStaffOnlyKind } from "@/lib/escalations/timeline";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Minutes before level 2 is paged, and before the failover (level 1's delay + level 2's). */
const LEVEL_DELAY_MIN = 10;
const FAILOVER_AFTER_MIN = 2 * LEVEL_DELAY_MIN;

export type DatasetOptions = {
  incidents: number;
  seed: number;
  /** The end of the history (exclusive); reports are asked at this instant. */
  end: Date;
  days: number;
  /** Incidents generated and inserted per batch. */
  batch?: number;
  log?: (line: string) => void;
};

export type DatasetPerson = { id: string; name: string; role: "admin" | "manager" | "engineer" | "stakeholder"; teamIds: string[] };

export type Dataset = {
  end: Date;
  start: Date;
  clients: { id: string; name: string; timeZone: string }[];
  teams: { id: string; name: string; clientIds: string[] }[];
  services: { id: string; clientId: string; teamId: string }[];
  /** The viewers the benchmark asks as. */
  people: { admin: DatasetPerson; manager: DatasetPerson; engineer: DatasetPerson; stakeholder: DatasetPerson };
  rows: Record<string, number>;
  loadMs: number;
};

/** sfc32: small, fast, good enough for synthetic data, and the same numbers everywhere. */
function prng(seed: number) {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  const hex8 = () => Math.floor(next() * 4294967296).toString(16).padStart(8, "0");
  const r = {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** Index drawn with the given weights. */
    weighted: (weights: readonly number[]) => {
      const total = weights.reduce((s, w) => s + w, 0);
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
      return weights.length - 1;
    },
    /** Log-normal with the given median, in the median's unit. */
    lognormal: (median: number, sigma: number) => {
      const u = Math.max(next(), 1e-12);
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * z);
    },
    uuid: () => {
      const h = hex8() + hex8() + hex8() + hex8();
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
  return r;
}
type Rng = ReturnType<typeof prng>;

type Row = Record<string, unknown>;

/**
 * Inserts rows (keyed by column name) with one statement per `chunk` rows: the JSON travels as
 * one parameter and the table's own row type converts it. Columns left out take their defaults.
 */
export async function bulkInsert(db: Database, table: PgTable, rows: Row[], chunk = 5000): Promise<void> {
  if (rows.length === 0) return;
  const name = getTableConfig(table).name;
  const columns = Object.keys(rows[0]!);
  const list = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await db.execute(sql`insert into ${sql.identifier(name)} (${list}) select ${list} from json_populate_recordset(null::${sql.identifier(name)}, ${json}::json)`);
  }
}

const CLIENTS: { name: string; timeZone: string; allWeek?: boolean }[] = [
  { name: "Acme Dental", timeZone: "America/New_York" },
  { name: "Birch Logistics", timeZone: "America/Chicago" },
  { name: "Cobalt Mining", timeZone: "America/Denver" },
  { name: "Dune Studios", timeZone: "America/Los_Angeles", allWeek: true },
  { name: "Elm Legal", timeZone: "Europe/London" },
  { name: "Fjord Shipping", timeZone: "Europe/Oslo" },
  { name: "Gare Hotels", timeZone: "Europe/Paris", allWeek: true },
  { name: "Harbour Clinics", timeZone: "Australia/Sydney" },
  { name: "Indigo Retail", timeZone: "Asia/Kolkata" },
  { name: "Jade Finance", timeZone: "Asia/Tokyo" },
  { name: "Kauri Farms", timeZone: "Pacific/Auckland" },
  { name: "Lapa Media", timeZone: "America/Sao_Paulo" },
];
const TEAMS: { name: string; timeZone: string; memberZones: string[] }[] = [
  { name: "East Coast", timeZone: "America/New_York", memberZones: ["America/New_York", "America/Toronto"] },
  { name: "Central", timeZone: "America/Chicago", memberZones: ["America/Chicago", "America/Denver"] },
  { name: "West Coast", timeZone: "America/Los_Angeles", memberZones: ["America/Los_Angeles", "America/Phoenix"] },
  { name: "Europe", timeZone: "Europe/Berlin", memberZones: ["Europe/Berlin", "Europe/London", "Europe/Paris"] },
  { name: "APAC", timeZone: "Australia/Sydney", memberZones: ["Australia/Sydney", "Asia/Tokyo", "Asia/Kolkata"] },
  { name: "Follow the Sun", timeZone: "UTC", memberZones: ["Europe/Dublin", "America/New_York", "Asia/Singapore"] },
];
/** Client i is served by these teams (the first runs its services; the second shares a few). */
const SERVED_BY: number[][] = [[0, 5], [1], [1, 2], [2], [3, 5], [3], [3], [4, 5], [4], [4], [4, 5], [0]];
const SERVICE_KINDS = ["Exchange", "File server", "VPN", "Firewall", "Backups", "ERP database", "Website", "Wi-Fi", "Payroll", "Printers"];
const SIGNALS = ["Disk usage high", "Host unreachable", "Certificate expires soon", "CPU saturated", "Service down", "Backup job failed", "Replication lag", "Login failures spike", "Memory pressure", "Latency above SLO"];
const MEMBERS_PER_TEAM = 6;
/** The engineer the benchmark asks as: in the first team (it serves Acme Dental and Lapa Media), not its lead. */
const ENGINEER_INDEX = 2;
const SERVICES_PER_CLIENT = 5;

type PlannedIncident = { at: number; service: number };

export async function generateReportsDataset(db: Database, opts: DatasetOptions): Promise<Dataset> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const r = prng(opts.seed);
  const endMs = opts.end.getTime();
  const startMs = endMs - opts.days * DAY;
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  const timings: Record<string, number> = {};
  const insert = async (table: PgTable, list: Row[]) => {
    const started = performance.now();
    await bulkInsert(db, table, list);
    const name = getTableConfig(table).name;
    count(name, list.length);
    timings[name] = (timings[name] ?? 0) + performance.now() - started;
  };
  const created = new Date(startMs - 30 * DAY).toISOString();

  // People: a manager, an admin, a stakeholder of Acme Dental, six engineers per team (the first one its lead).
  const user = (name: string, role: DatasetPerson["role"], timeZone: string) => ({ id: r.uuid(), name, email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@bench.example`, role, time_zone: timeZone, created_at: created, updated_at: created });
  const staff = [user("Morgan Manager", "manager", "America/New_York"), user("Ada Admin", "admin", "Europe/London"), user("Stella Stakeholder", "stakeholder", "America/New_York")];
  const teams = TEAMS.map((t, i) => ({ id: r.uuid(), name: t.name, timeZone: t.timeZone, members: Array.from({ length: MEMBERS_PER_TEAM }, (_, k) => user(`${t.name} Engineer ${k + 1}`, "engineer", t.memberZones[k % t.memberZones.length]!)), index: i }));
  await insert(schema.users, [...staff, ...teams.flatMap((t) => t.members)]);
  await insert(
    schema.teams,
    teams.map((t) => ({ id: t.id, name: t.name, created_at: created, updated_at: created })),
  );
  await insert(
    schema.teamMembers,
    teams.flatMap((t) => t.members.map((m, k) => ({ team_id: t.id, user_id: m.id, is_lead: k === 0, joined_at: created }))),
  );

  // Clients (business hours Mon–Fri 08:00–18:00 local, two of them 07:00–22:00 every day), the teams serving them, their priority rules.
  const clients = CLIENTS.map((c) => ({ ...c, id: r.uuid(), offsets: new ZoneOffsetTable(c.timeZone) }));
  await insert(
    schema.clients,
    clients.map((c, ci) => ({
      id: c.id,
      name: c.name,
      time_zone: c.timeZone,
      business_hours: c.allWeek ? uniformBusinessHours(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], { start: "07:00", end: "22:00" }) : uniformBusinessHours(["mon", "tue", "wed", "thu", "fri"], { start: "08:00", end: "18:00" }),
      // SLA targets (minutes): tight for high, none for low at every third client.
      sla_targets: { high: { acknowledgeMinutes: 15, resolveMinutes: 240 }, medium: { acknowledgeMinutes: 60, resolveMinutes: 480 }, ...(ci % 3 ? { low: { acknowledgeMinutes: 240, resolveMinutes: 1440 } } : {}) },
      created_at: created,
      updated_at: created,
    })),
  );
  await insert(
    schema.clientTeams,
    clients.flatMap((c, i) => SERVED_BY[i]!.map((t) => ({ client_id: c.id, team_id: teams[t]!.id }))),
  );
  await insert(schema.clientStakeholders, [{ client_id: clients[0]!.id, user_id: staff[2]!.id }]);
  const rules = clients.flatMap((c) =>
    ["Production databases are high", "Backups can wait", "Printers are low"].map((name, position) => ({ id: r.uuid(), client_id: c.id, position, name, conditions: [{ field: "summary", op: "contains", value: name.split(" ")[0]!, path: "" }], priority: (["high", "medium", "low"] as const)[position]!, created_at: created })),
  );
  await insert(schema.priorityRules, rules);

  // Schedules: one weekly rotation per team (handoff Monday 09:00 in the team's zone), and its escalation policy.
  const firstMonday = (() => {
    const d = new Date(startMs - 14 * DAY);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  })();
  const schedules = teams.map((t) => ({ id: r.uuid(), layerId: r.uuid(), team: t }));
  await insert(
    schema.schedules,
    schedules.map((s) => ({ id: s.id, name: `${s.team.name} on call`, time_zone: s.team.timeZone, team_id: s.team.id, created_at: created, updated_at: created })),
  );
  await insert(
    schema.scheduleLayers,
    schedules.map((s) => ({ id: s.layerId, schedule_id: s.id, name: "Primary", position: 0, shift_unit: "weeks", shift_count: 1, handoff_time: "09:00", handoff_weekday: 1, start_date: firstMonday, created_at: created, updated_at: created })),
  );
  await insert(
    schema.layerParticipants,
    schedules.flatMap((s) => s.team.members.map((m, position) => ({ layer_id: s.layerId, position, user_id: m.id }))),
  );
  // Who holds the rotation at an instant: handoffs at Monday 09:00 in the team's zone.
  const handoffs = schedules.map((s) => {
    const zone = new ZoneOffsetTable(s.team.timeZone);
    const list: number[] = [];
    for (let local = Date.parse(`${firstMonday}T09:00:00Z`); local < endMs + 2 * WEEK; local += WEEK) list.push(local - zone.offsetAt(local - zone.offsetAt(local)));
    return list;
  });
  const onCall = (team: number, at: number) => {
    const list = handoffs[team]!;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return teams[team]!.members[lo % MEMBERS_PER_TEAM]!;
  };
  const policies: PolicySnapshot[] = schedules.map((s) => ({
    policyId: r.uuid(),
    name: `${s.team.name} standard`,
    levels: [
      { delayMinutes: LEVEL_DELAY_MIN, targets: [{ type: "schedule", id: s.id }] },
      { delayMinutes: LEVEL_DELAY_MIN, targets: [{ type: "team", id: s.team.id, scope: "leads" }] },
    ],
    repeat: 0,
    stopOn: "acknowledged",
    failover: { leads: true, userIds: [], emails: [] },
  }));
  await insert(
    schema.escalationPolicies,
    policies.map((p) => ({ id: p.policyId, name: p.name, levels: p.levels, repeat: p.repeat, stop_on: p.stopOn, failover: p.failover, created_at: created, updated_at: created })),
  );

  // Services: five per client, run by its first team or (one in three) its second; noisiness follows a Zipf-like law.
  const services = clients.flatMap((c, ci) =>
    Array.from({ length: SERVICES_PER_CLIENT }, (_, k) => {
      const served = SERVED_BY[ci]!;
      const team = served.length > 1 && k % 3 === 2 ? served[1]! : served[0]!;
      return { id: r.uuid(), keyId: r.uuid(), name: `${c.name} ${SERVICE_KINDS[(ci + k) % SERVICE_KINDS.length]}`, client: ci, team, weight: 1 / (1 + ((ci * 7 + k * 3) % 17)) };
    }),
  );
  await insert(
    schema.services,
    services.map((s) => ({ id: s.id, name: s.name, client_id: clients[s.client]!.id, team_id: teams[s.team]!.id, escalation_policy_id: policies[s.team]!.policyId, created_at: created, updated_at: created })),
  );
  await insert(
    schema.integrationKeys,
    services.map((s, i) => ({ id: s.keyId, service_id: s.id, name: "Monitoring", prefix: `bench${String(i).padStart(3, "0")}`, hash: createHash("sha256").update(s.id).digest("hex"), created_at: created })),
  );
  // Web push for half of the people.
  const hasPush = new Set(teams.flatMap((t) => t.members.filter((_, k) => k % 2 === 1).map((m) => m.id)));

  // Local time of an instant in a client's zone, and the next business-hours start.
  const isAllWeek = (ci: number) => CLIENTS[ci]!.allWeek === true;
  const local = (ci: number, at: number) => {
    const ms = at + clients[ci]!.offsets.offsetAt(at);
    return { hour: Math.floor((ms % DAY) / HOUR), weekday: (Math.floor(ms / DAY) + 3) % 7 /* 0 = Monday */, ms };
  };
  const inBusinessHours = (ci: number, at: number) => {
    const l = local(ci, at);
    return isAllWeek(ci) ? l.hour >= 7 && l.hour < 22 : l.weekday < 5 && l.hour >= 8 && l.hour < 18;
  };
  const nextBusinessStart = (ci: number, at: number) => {
    const l = local(ci, at);
    const open = isAllWeek(ci) ? 7 : 8;
    let day = Math.floor(l.ms / DAY) + (l.hour >= open ? 1 : 0);
    if (!isAllWeek(ci)) while ((day + 3) % 7 >= 5) day++;
    const localStart = day * DAY + open * HOUR;
    return localStart - clients[ci]!.offsets.offsetAt(localStart - clients[ci]!.offsets.offsetAt(localStart));
  };

  // When the incidents trigger: more in business hours, a slow growth over the two years.
  const serviceWeights = services.map((s) => s.weight);
  const planned: PlannedIncident[] = [];
  while (planned.length < opts.incidents) {
    const service = r.weighted(serviceWeights);
    const u = r.next();
    const at = startMs + Math.floor(Math.sqrt(0.6 * u * u + 0.4 * u) * (endMs - startMs));
    const l = local(services[service]!.client, at);
    const weight = l.hour >= 8 && l.hour < 18 ? (l.weekday < 5 ? 1 : 0.5) : l.hour >= 22 || l.hour < 7 ? 0.3 : 0.55;
    if (r.next() < weight) planned.push({ at, service });
  }
  planned.sort((a, b) => a.at - b.at);
  log(`planned ${planned.length} incidents (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const batch = opts.batch ?? 2500;
  for (let from = 0; from < planned.length; from += batch) {
    const out = { incidents: [] as Row[], alerts: [] as Row[], events: [] as Row[], escalations: [] as Row[], notifications: [] as Row[], timeline: [] as Row[], postmortems: [] as Row[], participants: [] as Row[] };
    for (let i = from; i < Math.min(planned.length, from + batch); i++) simulate(r, planned[i]!, i, out);
    await insert(schema.incidents, out.incidents);
    await insert(schema.alerts, out.alerts);
    await insert(schema.alertEvents, out.events);
    await insert(schema.incidentEscalations, out.escalations);
    await insert(schema.notifications, out.notifications);
    await insert(schema.incidentTimeline, out.timeline);
    await insert(schema.postmortems, out.postmortems);
    await insert(schema.incidentParticipants, out.participants);
    if ((from / batch) % 8 === 7) log(`${from + batch} incidents written (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }

  // Approved covers in the cover ledger: a few per team and month.
  const ledger: Row[] = [];
  for (const [ti, t] of teams.entries())
    for (let at = startMs; at < endMs; at += 10 * DAY) {
      const covered = r.int(0, MEMBERS_PER_TEAM - 1);
      const covering = (covered + r.int(1, MEMBERS_PER_TEAM - 1)) % MEMBERS_PER_TEAM;
      const hours = r.pick([12, 24, 24, 48]);
      ledger.push({ id: r.uuid(), team_id: t.id, schedule_id: schedules[ti]!.id, swap_request_id: r.uuid(), covered_user_id: t.members[covered]!.id, covering_user_id: t.members[covering]!.id, hours, burden: hours * 1.2, created_at: new Date(at).toISOString() });
    }
  await insert(schema.coverLedger, ledger);

  // As autovacuum would leave it: statistics for the planner, and the visibility map set so that
  // index-only scans skip the heap (right after a bulk load every page would still be checked).
  const analyzed = performance.now();
  await db.execute(sql`vacuum analyze`);
  timings["vacuum analyze"] = performance.now() - analyzed;
  log(`insert time by table (ms): ${Object.entries(timings).filter(([, ms]) => ms >= 100).map(([t, ms]) => `${t} ${ms.toFixed(0)}`).join(", ")}`);
  const loadMs = performance.now() - t0;
  const person = (u: (typeof staff)[number], teamIds: string[] = []): DatasetPerson => ({ id: u.id, name: u.name, role: u.role as DatasetPerson["role"], teamIds });
  return {
    end: opts.end,
    start: new Date(startMs),
    clients: clients.map((c) => ({ id: c.id, name: c.name, timeZone: c.timeZone })),
    teams: teams.map((t, ti) => ({ id: t.id, name: t.name, clientIds: clients.filter((_, ci) => SERVED_BY[ci]!.includes(ti)).map((c) => c.id) })),
    services: services.map((s) => ({ id: s.id, clientId: clients[s.client]!.id, teamId: teams[s.team]!.id })),
    people: { manager: person(staff[0]!), admin: person(staff[1]!), stakeholder: person(staff[2]!), engineer: person(teams[0]!.members[ENGINEER_INDEX]!, [teams[0]!.id]) },
    rows,
    loadMs,
  };

  /** One incident's life, as the escalation and the responders would have written it. */
  function simulate(r: Rng, p: PlannedIncident, n: number, out: { [k: string]: Row[] }) {
    const svc = services[p.service]!;
    const ci = svc.client;
    const team = teams[svc.team]!;
    const lead = team.members[0]!;
    const iso = (ms: number) => new Date(ms).toISOString();
    const id = r.uuid();
    const signal = SIGNALS[(p.service * 3 + r.int(0, 3)) % SIGNALS.length]!;
    const host = `${svc.name.split(" ").slice(-1)[0]!.toLowerCase()}-${r.int(1, 9)}`;
    const title = `${signal} on ${host}`;
    const priority: Priority = (["high", "medium", "low"] as const)[r.weighted([25, 45, 30])]!;
    const severity: Severity = priority === "high" ? r.pick(["critical", "error"] as const) : priority === "medium" ? "warning" : "info";
    const rule = r.chance(0.3) ? rules[ci * 3 + r.int(0, 2)]! : null;
    const confidential = r.chance(0.03);

    // Deferred: medium and low outside the client's business hours, promoted at the next start.
    const deferred = priority !== "high" && !inBusinessHours(ci, p.at) && r.chance(0.92);
    const deferredUntil = deferred ? nextBusinessStart(ci, p.at) : null;
    const promotedAt = deferredUntil !== null && deferredUntil < endMs ? deferredUntil : null;
    const pageStart = promotedAt ?? p.at;
    const paged = !deferred || promotedAt !== null;

    // Who answers, when: most within minutes (slower at night), a tail past level 2 and the failover,
    // some resolved by the monitoring tool before anyone acknowledged, a few never answered.
    const night = local(ci, pageStart).hour < 7 || local(ci, pageStart).hour >= 22;
    const outcome = r.weighted([90, 4, 3.5, 2.5]); // acknowledged, auto-resolved quickly, never acknowledged, acknowledged after the failover
    let ackAt: number | null = null;
    let autoResolvedAt: number | null = null;
    if (outcome === 0) ackAt = pageStart + Math.max(15_000, r.lognormal((priority === "high" ? 2.2 : 3.2) * (night ? 1.5 : 1), 0.85) * MIN);
    else if (outcome === 1) autoResolvedAt = pageStart + r.int(60, 9 * 60) * 1000;
    else if (outcome === 3) ackAt = pageStart + (FAILOVER_AFTER_MIN + r.lognormal(25, 0.8)) * MIN;
    if (!paged) ackAt = null;
    if (ackAt !== null && ackAt >= endMs) ackAt = null;
    const answeredBy = (at: number) => (at - pageStart < LEVEL_DELAY_MIN * MIN || r.chance(0.4) ? onCall(svc.team, pageStart) : lead);
    const acker = ackAt !== null ? answeredBy(ackAt) : null;
    let resolvedAt: number | null = autoResolvedAt ?? (ackAt !== null ? ackAt + r.lognormal(priority === "high" ? 35 : 80, 1.3) * MIN : paged ? pageStart + r.lognormal(180, 1.2) * MIN : null);
    if (resolvedAt !== null && resolvedAt >= endMs) resolvedAt = null;
    const silentUntil = Math.min(ackAt ?? Infinity, resolvedAt ?? Infinity, endMs);
    const reachedLevel2 = paged && silentUntil - pageStart >= LEVEL_DELAY_MIN * MIN;
    const failedOver = paged && silentUntil - pageStart >= FAILOVER_AFTER_MIN * MIN;
    const status = resolvedAt !== null ? "resolved" : ackAt !== null ? "acknowledged" : "triggered";

    out.incidents!.push({
      id,
      title,
      status,
      priority,
      client_id: clients[ci]!.id,
      service_id: svc.id,
      team_id: team.id,
      escalation_policy_id: policies[svc.team]!.policyId,
      triggered_at: iso(p.at),
      deferred_until: deferredUntil === null ? null : iso(deferredUntil),
      promoted_at: promotedAt === null ? null : iso(promotedAt),
      acknowledged_at: ackAt === null ? null : iso(ackAt),
      acknowledged_by: acker?.id ?? null,
      resolved_at: resolvedAt === null ? null : iso(resolvedAt),
      resolved_by: resolvedAt === null || autoResolvedAt !== null ? null : (acker?.id ?? lead.id),
      confidential,
      first_read_at: null as string | null,
      first_read_by: null as string | null,
      unanswered_at: failedOver && ackAt === null ? iso(pageStart + FAILOVER_AFTER_MIN * MIN) : null,
      updated_at: iso(resolvedAt ?? ackAt ?? p.at),
    });
    const incident = out.incidents!.at(-1)!;

    // The alert and its raw events: a trigger, repeats while it is open (noisy services repeat more), the resolve.
    const alertId = r.uuid();
    const repeats = Math.min(30, Math.floor(r.lognormal(0.3 + svc.weight * 2, 1.2)));
    const lastSeen = Math.min(resolvedAt ?? endMs - 1, p.at + repeats * 5 * MIN);
    out.alerts!.push({
      id: alertId,
      service_id: svc.id,
      client_id: clients[ci]!.id,
      team_id: team.id,
      incident_id: id,
      dedup_key: `bench-${n}`,
      status,
      source: "events_v2",
      summary: title,
      severity,
      event_source: `${host}.${clients[ci]!.name.split(" ")[0]!.toLowerCase()}.example`,
      custom_details: { host },
      priority,
      priority_rule: rule ? { scope: "client", id: rule.id, name: rule.name, position: rule.position } : null,
      event_count: 1 + repeats,
      first_seen_at: iso(p.at),
      last_seen_at: iso(Math.max(p.at, lastSeen)),
      acknowledged_at: incident.acknowledged_at,
      resolved_at: incident.resolved_at,
    });
    const event = (at: number, action: string, outcome: string) =>
      out.events!.push({ service_id: svc.id, alert_id: alertId, integration_key_id: svc.keyId, received_at: iso(at), source: "events_v2", action, dedup_key: `bench-${n}`, outcome, payload: { event_action: action, dedup_key: `bench-${n}`, payload: { summary: title, severity, source: host } } });
    event(p.at, "trigger", "created");
    for (let k = 1; k <= repeats; k++) event(p.at + Math.min(k * 5 * MIN, Math.max(0, lastSeen - p.at)), "trigger", "deduplicated");
    if (autoResolvedAt !== null || (resolvedAt !== null && r.chance(0.5))) event(resolvedAt!, "resolve", "resolved");

    // Timeline: what came in, how it was prioritised, and whether it paged or waited.
    const tl = (at: number, kind: string, message: string, actor: { type: "user" | "integration" | "system"; id: string | null; label: string }, details: Row = {}, internal = isStaffOnlyKind(kind)) =>
      out.timeline!.push({ incident_id: id, at: iso(at), kind, actor_type: actor.type, actor_id: actor.id, actor_label: actor.label, message, details, internal });
    const system = { type: "system" as const, id: null, label: "Baton" };
    const person = (u: { id: string; name: string }) => ({ type: "user" as const, id: u.id, label: u.name });
    const integration = { type: "integration" as const, id: svc.keyId, label: "Monitoring" };
    tl(p.at, "received", `Received trigger from Events API v2`, integration, { dedupKey: `bench-${n}` }, true);
    tl(p.at, "prioritised", rule ? `${priority} by the rule "${rule.name}"` : `${priority} from severity ${severity}`, system, { priority, severity, rule: rule?.name ?? null }, true);
    if (deferred) tl(p.at, "deferred", `${priority === "low" ? "Low" : "Medium"} priority outside ${clients[ci]!.name}'s business hours`, system, { until: iso(deferredUntil!), timeZone: clients[ci]!.timeZone });
    else tl(p.at, "triggered", priority === "high" ? "High priority: paging now" : `Inside ${clients[ci]!.name}'s business hours: paging now`, system, { reason: priority === "high" ? "high" : "business_hours" });
    if (promotedAt !== null) tl(promotedAt, "promoted", "Business hours began: promoted, escalation starts", system);

    // Notifications: level 1 (the rotation), level 2 (the leads), the failover email; one row per channel.
    let firstRead: { at: number; by: (typeof team.members)[number] } | null = null;
    const page = (level: number, who: (typeof team.members)[number], at: number) => {
      const answered = acker?.id === who.id && ackAt !== null;
      const channels: Channel[] = hasPush.has(who.id) ? ["in_app", "email", "push"] : ["in_app", "email"];
      for (const channel of channels) {
        const sentAt = at + (channel === "email" ? r.int(2, 20) * 1000 : 1000);
        const cancelled = channel === "email" && answered && ackAt! - at < 60_000;
        const failed = !cancelled && r.chance(channel === "push" ? 0.04 : 0.008);
        const readAt = answered && !failed && !cancelled && channel === r.pick(channels) ? Math.max(sentAt + 5000, ackAt! - r.int(5, 60) * 1000) : null;
        const deliveredAt = failed || cancelled || channel === "email" ? (channel === "email" && !failed && !cancelled && r.chance(0.7) ? sentAt + r.int(1, 30) * 1000 : null) : sentAt + r.int(1, 5) * 1000;
        const state = cancelled ? "cancelled" : failed ? "failed" : readAt !== null ? "read" : deliveredAt !== null ? "delivered" : "sent";
        if (readAt !== null && (firstRead === null || readAt < firstRead.at)) firstRead = { at: readAt, by: who };
        out.notifications!.push({
          id: r.uuid(),
          incident_id: id,
          kind: "page",
          level,
          repeat: 0,
          recipient: who.id,
          user_id: who.id,
          channel,
          state,
          attempts: cancelled ? 0 : 1,
          sends: cancelled ? 0 : 1,
          last_error: failed ? (channel === "push" ? "410 Gone" : "Mailbox unavailable") : null,
          provider_id: cancelled ? null : `bench-${n}-${level}-${channel}`,
          created_at: iso(at),
          sent_at: cancelled ? null : iso(sentAt),
          delivered_at: deliveredAt === null ? null : iso(Math.min(deliveredAt, readAt ?? Infinity)),
          read_at: readAt === null ? null : iso(readAt),
          failed_at: failed ? iso(sentAt) : null,
        });
      }
      tl(at, "notified", `Paging ${who.name} (${level === 0 ? `${team.name} on call` : `${team.name} leads`}) by ${channels.join(", ").replace("in_app", "in-app alarm")}`, system, { userId: who.id, level, repeat: 0, via: level === 0 ? "schedule" : "team" });
    };
    let phase = deferred && !paged ? "deferred" : "stopped";
    let level: number | null = null;
    if (paged) {
      page(0, onCall(svc.team, pageStart), pageStart);
      level = 0;
      if (reachedLevel2) {
        const at = pageStart + LEVEL_DELAY_MIN * MIN;
        tl(at, "escalated", "Escalated to level 2", system);
        page(1, lead, at);
        level = 1;
      }
      if (failedOver) {
        const at = pageStart + FAILOVER_AFTER_MIN * MIN;
        out.notifications!.push({ id: r.uuid(), incident_id: id, kind: "failover", level: -1, repeat: -1, recipient: lead.id, user_id: lead.id, channel: "email", state: "delivered", attempts: 1, sends: 1, provider_id: `bench-${n}-failover`, created_at: iso(at), sent_at: iso(at + 3000), delivered_at: iso(at + 9000) });
        tl(at, "failed_over", `Nobody answered: marked unanswered; failover email to ${lead.name}`, system, { recipients: [lead.email] });
        phase = "failed_over";
      } else if (ackAt === null && resolvedAt === null) phase = "active";
    }
    const read = firstRead as { at: number; by: (typeof team.members)[number] } | null;
    if (read) {
      incident.first_read_at = iso(read.at);
      incident.first_read_by = read.by.id;
      tl(read.at, "read", `Read by ${read.by.name}`, person(read.by), { userId: read.by.id });
    }
    const stopReason = phase === "stopped" ? (ackAt !== null && ackAt <= (resolvedAt ?? Infinity) ? "acknowledged" : "resolved") : null;
    out.escalations!.push({
      incident_id: id,
      policy: policies[svc.team],
      phase,
      level,
      repeat: level === null ? null : 0,
      next_due_at: phase === "active" ? iso(pageStart + (level === 0 ? LEVEL_DELAY_MIN : FAILOVER_AFTER_MIN) * MIN) : phase === "deferred" ? iso(deferredUntil!) : null,
      stop_reason: stopReason,
      steps: (level === null ? 0 : level + 1) + (failedOver ? 1 : 0) + (stopReason ? 1 : 0),
      created_at: iso(p.at),
      updated_at: incident.updated_at,
    });

    // The response: acknowledged, notes and status updates while it is worked, resolved.
    if (ackAt !== null) tl(ackAt, "acknowledged", `Acknowledged by ${acker!.name}`, person(acker!), {}, false);
    const worker = acker ?? lead;
    const workedUntil = resolvedAt ?? endMs - 1;
    if (ackAt !== null && r.chance(0.35)) tl(ackAt + (workedUntil - ackAt) * r.next(), "note", "Checked the host; see the runbook step 3", person(worker), {}, true);
    if (ackAt !== null && priority === "high" && r.chance(0.3)) tl(ackAt + (workedUntil - ackAt) * r.next(), "status_update", "Identified: the cause is known and a fix is under way", person(worker), { phase: "identified" });
    if (resolvedAt !== null) tl(resolvedAt, "resolved", autoResolvedAt !== null || acker === null ? "Resolved by Monitoring" : `Resolved by ${worker.name}`, autoResolvedAt !== null || acker === null ? integration : person(worker), {}, false);
    if (confidential) {
      out.participants!.push({ id: r.uuid(), incident_id: id, user_id: lead.id, role: "incident_manager", joined_at: iso(p.at + MIN) });
      if (acker && acker.id !== lead.id) out.participants!.push({ id: r.uuid(), incident_id: id, user_id: acker.id, role: "responder", joined_at: iso(ackAt!) });
    }

    // Post-mortems: most high-priority incidents get one, some of the others; three in four answer the alerting review.
    if (resolvedAt !== null && r.chance(priority === "high" ? 0.45 : priority === "medium" ? 0.12 : 0.04)) {
      const reviewed = r.chance(0.75);
      const noIssue = autoResolvedAt !== null ? 0.45 : 0.06;
      const couldWait = priority === "high" ? 0.08 : 0.3;
      const real = r.weighted([1 - noIssue - couldWait, couldWait, noIssue]);
      const status = r.pick(["draft", "draft", "in_review", "published", "published", "published"] as const);
      out.postmortems!.push({
        id: r.uuid(),
        incident_id: id,
        status,
        revision: status === "published" ? 1 : 0,
        facts: { timeToAcknowledgeMs: ackAt === null ? null : ackAt - p.at, timeToResolveMs: resolvedAt - p.at },
        sections: reviewed ? { summary: `${title}.` } : {},
        alert_real: reviewed ? (["real", "could_wait", "no_issue"] as const)[real] : null,
        reached_right_person: reviewed ? (["yes", "missed", "unable_to_handle"] as const)[r.weighted([85, 9, 6])] : null,
        enough_information: reviewed ? r.chance(0.8) : null,
        created_at: iso(resolvedAt),
        updated_at: iso(resolvedAt + DAY),
        published_at: status === "published" ? iso(resolvedAt + 3 * DAY) : null,
      });
    }
  }
}

/**
 * The Dataset of a database this module already filled (for `--reuse` against a kept database):
 * the same clients, teams, services and people, read back by their names.
 */
export async function describeDataset(db: Database, opts: Pick<DatasetOptions, "end" | "days">): Promise<Dataset> {
  const { asc, eq, inArray } = await import("drizzle-orm");
  const clients = await db.select({ id: schema.clients.id, name: schema.clients.name, timeZone: schema.clients.timeZone }).from(schema.clients).where(inArray(schema.clients.name, CLIENTS.map((c) => c.name)));
  const teamRows = await db.select({ id: schema.teams.id, name: schema.teams.name }).from(schema.teams).where(inArray(schema.teams.name, TEAMS.map((t) => t.name)));
  const links = await db.select().from(schema.clientTeams);
  const services = await db.select({ id: schema.services.id, clientId: schema.services.clientId, teamId: schema.services.teamId }).from(schema.services).orderBy(asc(schema.services.name));
  const byEmail = async (email: string, role: DatasetPerson["role"]): Promise<DatasetPerson> => {
    const [u] = await db.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(eq(schema.users.email, email));
    if (!u) throw new Error(`${email} is not in this database: generate the dataset first`);
    const teamIds = (await db.select({ teamId: schema.teamMembers.teamId }).from(schema.teamMembers).where(eq(schema.teamMembers.userId, u.id))).map((m) => m.teamId);
    return { id: u.id, name: u.name, role, teamIds };
  };
  const teams = TEAMS.map((t) => teamRows.find((r) => r.name === t.name)!).map((t) => ({ ...t, clientIds: links.filter((l) => l.teamId === t.id).map((l) => l.clientId) }));
  const counts = await db.execute(sql`select relname as name, n_live_tup::int as n from pg_stat_user_tables`);
  const rows = Object.fromEntries((counts as unknown as { rows: { name: string; n: number }[] }).rows.map((r) => [r.name, Number(r.n)]));
  return {
    end: opts.end,
    start: new Date(opts.end.getTime() - opts.days * DAY),
    clients,
    teams,
    services,
    people: {
      manager: await byEmail("morgan.manager@bench.example", "manager"),
      admin: await byEmail("ada.admin@bench.example", "admin"),
      stakeholder: await byEmail("stella.stakeholder@bench.example", "stakeholder"),
      engineer: await byEmail(`east.coast.engineer.${ENGINEER_INDEX + 1}@bench.example`, "engineer"),
    },
    rows,
    loadMs: 0,
  };
}
