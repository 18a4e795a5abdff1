/**
 * Paging benchmark: `npm run bench:paging [-- --db pglite|postgres|both] [--incidents 200]
 * [--database-url postgres://…]`.
 *
 * For each database, with the embedded driver running in this process (its real ticker, as in
 * `npm start`) and the real POST /v2/enqueue handler behind a node:http server on loopback:
 * 1. first page — high-priority events for new incidents, paced at 5/s; for each, the time from
 *    the 202 to the first notification row and to the outbox message of its email (p50/p99);
 * 2. lateness — incidents whose next escalation step falls due at random instants over 20 s;
 *    how late the driver advanced each one (p50/p99).
 * Targets: first notification p99 ≤ 1 s, lateness p99 ≤ 1 s.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { openBenchDatabase } from "./bench-database";
import { performance } from "node:perf_hooks";
import { inArray, sql } from "drizzle-orm";
import { nearestRank } from "@/lib/core/reports";

const TARGET_MS = 1000;
const PACE_PER_SECOND = 5;
const LATENESS_SPREAD_MS = 20_000;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: nearestRank(s, 0.5) ?? NaN, p99: nearestRank(s, 0.99) ?? NaN, max: s.at(-1) ?? NaN };
};

async function serve(handler: (req: Request) => Promise<Response>) {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v2/enqueue`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Watches the database every 10 ms and notes the wall-clock instant each key is first seen (a row
 * committed and visible), so the figures are what a reader of the database would observe, not
 * the instants the driver stamped on its rows.
 */
function watch(query: () => Promise<string[]>) {
  const seen = new Map<string, number>();
  let stop = false;
  const done = (async () => {
    while (!stop) {
      for (const k of await query()) if (!seen.has(k)) seen.set(k, Date.now());
      await sleep(10);
    }
  })();
  return {
    seen,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

async function benchOne(kind: "pglite" | "postgres", opts: { incidents: number; databaseUrl?: string }) {
  const { useDbHandle: installDbHandle } = await import("@/db/client");
  const schema = await import("@/db/schema");
  const f = await import("@/db/test/factories");
  const { uniformBusinessHours } = await import("@/lib/core/business-hours");
  const { handleEnqueue } = await import("@/lib/ingest/enqueue-handler");
  const { startEmbeddedDriver } = await import("@/lib/escalations/embedded-driver");
  const { resetEnvCache } = await import("@/lib/env");

  const cleanups: (() => unknown)[] = [];
  const handle = await openBenchDatabase(kind, opts.databaseUrl, cleanups);
  try {
    const db = handle.db;
    process.env.INGEST_RATE_LIMIT_PER_MINUTE = "100000";
    process.env.INGEST_RATE_LIMIT_BURST = "10000";
    resetEnvCache();
    // Four engineers on a weekly rotation (the on-call is looked up at each page), a lead, the Standard shape of policy.
    const people = await Promise.all(["Alice", "Bob", "Carol", "Dave", "Lena"].map((name) => f.makeUser(db, { name })));
    const team = await f.makeTeam(db, people.map((p, i) => ({ userId: p.id, isLead: i === 4 })));
    const client = await f.makeClient(db, { teamIds: [team.id] });
    await db.update(schema.clients).set({ businessHours: uniformBusinessHours(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], { start: "00:00", end: "24:00" }) }).where(sql`id = ${client.id}`);
    const { schedule } = await f.makeWeeklySchedule(db, { participantIds: people.slice(0, 4).map((p) => p.id), teamId: team.id });
    const policy = await f.makePolicy(db, {
      levels: [
        { delayMinutes: 5, targets: [{ type: "schedule", id: schedule.id }] },
        { delayMinutes: 10, targets: [{ type: "team", id: team.id, scope: "leads" }] },
      ],
      repeat: 1,
    });
    const service = await f.makeService(db, { clientId: client.id, teamId: team.id, escalationPolicyId: policy.id });
    const { key } = await f.makeIntegrationKey(db, service.id);

    installDbHandle(handle);
    const stopDriver = startEmbeddedDriver(async () => db, 1000);
    cleanups.unshift(stopDriver);
    const server = await serve((req) => handleEnqueue(req));
    cleanups.unshift(() => server.close());

    // 1. From the 202 to the first notification row and to the email in the outbox.
    const accepted = new Map<string, number>(); // dedup key → epoch ms of the 202
    const keysOf = (r: unknown) => (r as { rows: { k: string }[] }).rows.map((x) => x.k);
    const rowsSeen = watch(async () => keysOf(await db.execute(sql`select distinct a.dedup_key as k from alerts a join notifications n on n.incident_id = a.incident_id where a.service_id = ${service.id}`)));
    const mailSeen = watch(async () => keysOf(await db.execute(sql`select distinct a.dedup_key as k from alerts a join notifications n on n.incident_id = a.incident_id join outbox_messages o on o.idempotency_key = n.id where a.service_id = ${service.id}`)));
    const t0 = performance.now();
    for (let i = 0; i < opts.incidents; i++) {
      const due = t0 + (i * 1000) / PACE_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const dedup = `bench-${kind}-${i}`;
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ routing_key: key, event_action: "trigger", dedup_key: dedup, payload: { summary: `Host ${i} down`, source: `host-${i}`, severity: "critical" } }),
      });
      await res.arrayBuffer();
      if (res.status !== 202) throw new Error(`enqueue answered ${res.status}`);
      accepted.set(dedup, Date.now());
    }
    await sleep(3000);
    await rowsSeen.stop();
    await mailSeen.stop();
    const since = (seen: Map<string, number>) => [...accepted].filter(([k]) => seen.has(k)).map(([k, at]) => Math.max(0, seen.get(k)! - at));
    const toRow = since(rowsSeen.seen);
    const toMail = since(mailSeen.seen);
    const missing = opts.incidents - toRow.length;

    // 2. Lateness: escalations whose next step falls due at random instants over the next 20 s.
    stopDriver();
    const base = Date.now() + 2000;
    const dueAt = new Map<string, number>();
    for (let i = 0; i < opts.incidents; i++) {
      const inc = await f.makeIncident(db, service, { at: new Date() });
      const due = base + Math.floor(Math.random() * LATENESS_SPREAD_MS);
      await db.insert(schema.incidentEscalations).values({
        incidentId: inc.id,
        policy: { policyId: policy.id, name: policy.name, levels: policy.levels, repeat: policy.repeat, stopOn: policy.stopOn, failover: policy.failover },
        phase: "active",
        level: 0,
        repeat: 0,
        nextDueAt: new Date(due),
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      dueAt.set(inc.id, due);
    }
    const ids = [...dueAt.keys()];
    const firedSeen = watch(async () => (await db.selectDistinct({ id: schema.notifications.incidentId }).from(schema.notifications).where(inArray(schema.notifications.incidentId, ids))).map((r) => r.id));
    cleanups.unshift(startEmbeddedDriver(async () => db, 1000));
    await sleep(Math.max(0, base + LATENESS_SPREAD_MS + 3000 - Date.now()));
    await firedSeen.stop();
    const lateness = [...firedSeen.seen].map(([id, at]) => at - dueAt.get(id)!);
    const fired = [...firedSeen.seen.keys()];
    return { kind, toRow: stats(toRow), toMail: stats(toMail), missing, lateness: stats(lateness), notFired: dueAt.size - fired.length };
  } finally {
    installDbHandle(undefined);
    delete process.env.INGEST_RATE_LIMIT_PER_MINUTE;
    delete process.env.INGEST_RATE_LIMIT_BURST;
    for (const c of cleanups) await c();
  }
}

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string", default: "both" }, incidents: { type: "string", default: "200" }, "database-url": { type: "string" } } });
  const kinds = values.db === "both" ? (["postgres", "pglite"] as const) : ([values.db as "pglite" | "postgres"] as const);
  const incidents = Math.max(200, Number(values.incidents));
  process.env.AUTH_SECRET ??= "bench-only-secret-0123456789abcdef";
  console.log(`bench:paging — embedded driver, ${incidents} high-priority incidents through /v2/enqueue at ${PACE_PER_SECOND}/s, then ${incidents} escalations falling due over ${LATENESS_SPREAD_MS / 1000} s`);
  let failed = false;
  const fmt = (s: { n: number; p50: number; p99: number; max: number }) => `n=${s.n} p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;
  for (const kind of kinds) {
    console.log(`\n== ${kind} ==`);
    const r = await benchOne(kind, { incidents, databaseUrl: values["database-url"] });
    console.log(`202 → first notification row  ${fmt(r.toRow)}${r.missing ? ` (${r.missing} never paged!)` : ""}`);
    console.log(`202 → email in the outbox     ${fmt(r.toMail)}`);
    console.log(`due step → fired (lateness)   ${fmt(r.lateness)}${r.notFired ? ` (${r.notFired} never fired!)` : ""}`);
    const check = (ok: boolean, line: string) => {
      console.log(`${ok ? "PASS" : "FAIL"}  ${line}`);
      if (!ok) failed = true;
    };
    check(r.missing === 0 && r.toRow.p99 <= TARGET_MS, `${kind}: first notification p99 ≤ ${TARGET_MS} ms: ${r.toRow.p99.toFixed(0)} ms`);
    check(r.notFired === 0 && r.lateness.p99 <= TARGET_MS, `${kind}: lateness p99 ≤ ${TARGET_MS} ms: ${r.lateness.p99.toFixed(0)} ms`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
