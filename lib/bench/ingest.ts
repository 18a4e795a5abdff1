/**
 * Ingestion benchmark: `npm run bench:ingest [-- --db pglite|postgres|both] [--seconds 15]
 * [--storm-seconds 60] [--database-url postgres://…]`.
 *
 * For each database: the real POST /v2/enqueue handler behind a node:http server on loopback,
 * driven by 4 concurrent HTTP clients (one integration key each) with a trigger / repeat /
 * acknowledge / resolve mix, as fast as they go (events/s, p50/p95/p99); then paced at 80 events/s
 * per key (latency at a steady load); then, in the same run, the raw single-row insert rate of the
 * same database and driver, and the ratio. Finally a storm: 5,000 events in 60 s over 50 dedup
 * keys on one key with the default rate limit, which must leave exactly 50 alerts and no 5xx.
 * PostgreSQL is a throwaway local cluster (fsync off, like the tests) unless --database-url is given.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { openBenchDatabase } from "./bench-database";
import { performance } from "node:perf_hooks";
import { and, count, eq, ne, sql } from "drizzle-orm";

const TARGETS = { ratio: 0.3, p99Ms: 100, pgliteP50Factor: 3 };
const CLIENTS = 4;
const PACED_PER_KEY = 80;
const STORM_EVENTS = 5000;
const STORM_KEYS = 50;

type Stats = { events: number; seconds: number; perSecond: number; p50: number; p95: number; p99: number; statuses: Record<string, number> };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(latencies: number[], statuses: Record<string, number>, seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { events: latencies.length, seconds, perSecond: latencies.length / seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), statuses };
}

async function serve(handler: (req: Request) => Promise<Response>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v2/enqueue`, close: () => new Promise((r) => server.close(() => r())) };
}

async function send(url: string, body: unknown, latencies: number[], statuses: Record<string, number>) {
  const t0 = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  latencies.push(performance.now() - t0);
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
}

/** Client c's i-th event: per dedup key a trigger, a repeat, an acknowledge and a resolve. */
function mixEvent(key: string, c: number, i: number) {
  const dedup = `c${c}-k${i % 25}`;
  const step = Math.floor(i / 25) % 4;
  const action = step < 2 ? "trigger" : step === 2 ? "acknowledge" : "resolve";
  return action === "trigger"
    ? { routing_key: key, event_action: action, dedup_key: dedup, payload: { summary: `Disk usage high on host-${i % 25}`, source: `host-${i % 25}.bench.local`, severity: i % 3 === 0 ? "critical" : "warning", custom_details: { used: "91%" } } }
    : { routing_key: key, event_action: action, dedup_key: dedup };
}

async function closedLoop(url: string, keys: string[], seconds: number): Promise<Stats> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    keys.map(async (key, c) => {
      for (let i = 0; performance.now() < until; i++) await send(url, mixEvent(key, c, i), latencies, statuses);
    }),
  );
  return summarise(latencies, statuses, (performance.now() - t0) / 1000);
}

/** Open loop: each key sends on a fixed schedule whatever the answers take, so slow answers show in the latency. */
async function paced(url: string, keys: string[], perKey: number, seconds: number, event: (key: string, c: number, i: number) => unknown): Promise<Stats> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  const total = Math.round(perKey * seconds);
  await Promise.all(
    keys.map(async (key, c) => {
      for (let i = 0; i < total; i++) {
        const due = t0 + (i * 1000) / perKey;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        inFlight.push(send(url, event(key, c, i), latencies, statuses).catch(() => void (statuses.error = (statuses.error ?? 0) + 1)));
      }
    }),
  );
  await Promise.all(inFlight);
  return summarise(latencies, statuses, (performance.now() - t0) / 1000);
}

async function rawInsertRate(db: import("@/db/client").Database, seconds: number): Promise<number> {
  await db.execute(sql`create table if not exists bench_raw_inserts (id bigserial primary key, at timestamptz not null, payload jsonb not null)`);
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let n = 0;
  while (performance.now() < until) {
    await db.execute(sql`insert into bench_raw_inserts (at, payload) values (${new Date().toISOString()}, ${JSON.stringify({ summary: "Disk usage high", n })}::jsonb)`);
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

const fmt = (s: Stats) => `${s.perSecond.toFixed(0).padStart(6)} events/s   p50 ${s.p50.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms   p99 ${s.p99.toFixed(1).padStart(6)} ms   (${s.events} events; ${Object.entries(s.statuses).map(([k, v]) => `${k}×${v}`).join(" ")})`;

async function benchOne(kind: "pglite" | "postgres", opts: { seconds: number; stormSeconds: number; databaseUrl?: string }) {
  const { useDbHandle: installDbHandle } = await import("@/db/client");
  const schema = await import("@/db/schema");
  const { generateRoutingKey } = await import("@/lib/services/routing-key");
  const { uniformBusinessHours } = await import("@/lib/core/business-hours");
  const { resetEnvCache } = await import("@/lib/env");
  const { handleEnqueue } = await import("@/lib/ingest/enqueue-handler");

  const cleanups: (() => unknown)[] = [];
  const handle = await openBenchDatabase(kind, opts.databaseUrl, cleanups);
  try {
    const db = handle.db;
    const [team] = await db.insert(schema.teams).values({ name: `Bench team ${Date.now()}` }).returning();
    const [client] = await db
      .insert(schema.clients)
      .values({ name: `Bench client ${Date.now()}`, timeZone: "UTC", businessHours: uniformBusinessHours(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], { start: "00:00", end: "24:00" }) })
      .returning();
    const makeKey = async (name: string) => {
      const [service] = await db.insert(schema.services).values({ name: `${name} ${Date.now()}`, clientId: client!.id, teamId: team!.id }).returning();
      const { key, prefix, hash } = generateRoutingKey();
      await db.insert(schema.integrationKeys).values({ serviceId: service!.id, name, prefix, hash });
      return { key, serviceId: service!.id };
    };
    const keys = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => makeKey(`Bench service ${c}`)));
    const storm = await makeKey("Storm service");
    installDbHandle(handle);
    const server = await serve((req) => handleEnqueue(req));
    cleanups.unshift(() => server.close());

    // The throughput phases measure ingestion, not the rate limiter: lift it for them.
    process.env.INGEST_RATE_LIMIT_PER_MINUTE = "100000000";
    process.env.INGEST_RATE_LIMIT_BURST = "10000000";
    resetEnvCache();
    await closedLoop(server.url, keys.map((k) => k.key), 2); // warm-up
    const cpu0 = process.cpuUsage();
    const throughput = await closedLoop(server.url, keys.map((k) => k.key), opts.seconds);
    const cpu = process.cpuUsage(cpu0);
    console.log(`(this process used ${(((cpu.user + cpu.system) / 1e6 / throughput.seconds) * 100).toFixed(0)} % of a core during the fast phase)`);
    const steadyOne = await paced(server.url, [keys[0]!.key], PACED_PER_KEY, opts.seconds, (key, c, i) => mixEvent(key, c, i + 2_000_000));
    const steady = await paced(server.url, keys.map((k) => k.key), PACED_PER_KEY, opts.seconds, (key, c, i) => mixEvent(key, c, i + 1_000_000));
    const raw = await rawInsertRate(db, Math.min(opts.seconds, 10));

    // The storm runs with the default (or configured) limits, as in production.
    delete process.env.INGEST_RATE_LIMIT_PER_MINUTE;
    delete process.env.INGEST_RATE_LIMIT_BURST;
    resetEnvCache();
    const perSecond = STORM_EVENTS / opts.stormSeconds;
    const stormStats = await paced(server.url, [storm.key], perSecond, opts.stormSeconds, (key, _c, i) => ({
      routing_key: key,
      event_action: "trigger",
      dedup_key: `storm-${i % STORM_KEYS}`,
      payload: { summary: `Link flapping on switch port ${i % STORM_KEYS}`, source: "core-sw-1", severity: "error" },
    }));
    const [{ n: stormAlerts } = { n: 0 }] = await db.select({ n: count() }).from(schema.alerts).where(and(eq(schema.alerts.serviceId, storm.serviceId), ne(schema.alerts.status, "resolved")));
    const fivexx = Object.entries(stormStats.statuses).filter(([k]) => k.startsWith("5") || k === "error").reduce((a, [, v]) => a + v, 0);
    return { kind, throughput, steadyOne, steady, raw, ratio: throughput.perSecond / raw, storm: { stats: stormStats, alerts: stormAlerts, fivexx } };
  } finally {
    installDbHandle(undefined);
    for (const c of cleanups) await c();
  }
}

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string", default: "both" }, seconds: { type: "string", default: "15" }, "storm-seconds": { type: "string", default: "60" }, "database-url": { type: "string" } } });
  const kinds = values.db === "both" ? (["postgres", "pglite"] as const) : ([values.db as "pglite" | "postgres"] as const);
  const opts = { seconds: Number(values.seconds), stormSeconds: Number(values["storm-seconds"]), databaseUrl: values["database-url"] };
  console.log(`bench:ingest — POST /v2/enqueue over loopback, ${CLIENTS} concurrent clients (one key each); mix per dedup key: trigger, repeat, acknowledge, resolve`);
  const results = [];
  for (const kind of kinds) {
    console.log(`\n== ${kind} ==`);
    const r = await benchOne(kind, opts);
    results.push(r);
    console.log(`as fast as it goes     ${fmt(r.throughput)}`);
    console.log(`paced ${PACED_PER_KEY}/s, one key   ${fmt(r.steadyOne)}`);
    console.log(`paced ${PACED_PER_KEY}/s × ${CLIENTS} keys  ${fmt(r.steady)}`);
    console.log(`raw single-row inserts ${r.raw.toFixed(0).padStart(6)} rows/s (same driver, one connection, sequential)`);
    console.log(`ratio ingest/raw       ${(r.ratio * 100).toFixed(0)} %`);
    console.log(`storm                  ${STORM_EVENTS} events in ${opts.stormSeconds} s over ${STORM_KEYS} dedup keys: ${r.storm.alerts} open alerts, ${r.storm.fivexx} × 5xx (${Object.entries(r.storm.stats.statuses).map(([k, v]) => `${k}×${v}`).join(" ")}); p99 ${r.storm.stats.p99.toFixed(1)} ms`);
  }
  let failed = false;
  const pg = results.find((r) => r.kind === "postgres");
  const lite = results.find((r) => r.kind === "pglite");
  console.log("\n== targets ==");
  const check = (ok: boolean, line: string) => {
    console.log(`${ok ? "PASS" : "FAIL"}  ${line}`);
    if (!ok) failed = true;
  };
  if (pg) {
    check(pg.ratio >= TARGETS.ratio, `PostgreSQL ingest ≥ 30 % of raw inserts: ${(pg.ratio * 100).toFixed(0)} %`);
    check(pg.steadyOne.p99 <= TARGETS.p99Ms, `PostgreSQL p99 ≤ ${TARGETS.p99Ms} ms at ${PACED_PER_KEY} events/s on one key: ${pg.steadyOne.p99.toFixed(1)} ms`);
    check(pg.steady.p99 <= TARGETS.p99Ms, `PostgreSQL p99 ≤ ${TARGETS.p99Ms} ms at ${PACED_PER_KEY} events/s on each of ${CLIENTS} keys at once: ${pg.steady.p99.toFixed(1)} ms`);
  }
  if (pg && lite) check(lite.throughput.p50 <= TARGETS.pgliteP50Factor * pg.throughput.p50, `PGlite p50 within 3× of PostgreSQL's: ${lite.throughput.p50.toFixed(1)} vs ${pg.throughput.p50.toFixed(1)} ms (${(lite.throughput.p50 / pg.throughput.p50).toFixed(2)}×)`);
  for (const r of results) check(r.storm.alerts === STORM_KEYS && r.storm.fivexx === 0, `${r.kind} storm: exactly ${STORM_KEYS} alerts (${r.storm.alerts}), no 5xx (${r.storm.fivexx})`);
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
