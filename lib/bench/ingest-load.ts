/**
 * The ingestion benchmark's monitoring tools: a separate process (as a real sender is) that posts
 * events to `/v2/enqueue` over loopback and reports each answer's latency and status. The
 * benchmark forks it (`forkIngestLoad`) and sends it one phase at a time; keeping the senders'
 * HTTP work out of the server's process means the server's event loop is measured, not shared.
 */
import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export type EventKind = { kind: "mix"; offset: number } | { kind: "storm"; keys: number };
export type LoadPhase =
  | { mode: "closed"; url: string; keys: string[]; seconds: number; events: EventKind }
  | { mode: "paced"; url: string; keys: string[]; perKey: number; seconds: number; events: EventKind };
/** Each answer's latency (ms) and status, the phase's length, and the CPU the senders used (s). */
export type LoadResult = { latencies: number[]; statuses: Record<string, number>; seconds: number; cpuSeconds?: number };

/** Client c's i-th event: per dedup key a trigger, a repeat, an acknowledge and a resolve. */
function mixEvent(key: string, c: number, i: number) {
  const dedup = `c${c}-k${i % 25}`;
  const step = Math.floor(i / 25) % 4;
  const action = step < 2 ? "trigger" : step === 2 ? "acknowledge" : "resolve";
  return action === "trigger"
    ? { routing_key: key, event_action: action, dedup_key: dedup, payload: { summary: `Disk usage high on host-${i % 25}`, source: `host-${i % 25}.bench.local`, severity: i % 3 === 0 ? "critical" : "warning", custom_details: { used: "91%" } } }
    : { routing_key: key, event_action: action, dedup_key: dedup };
}

function stormEvent(key: string, i: number, keys: number) {
  return { routing_key: key, event_action: "trigger", dedup_key: `storm-${i % keys}`, payload: { summary: `Link flapping on switch port ${i % keys}`, source: "core-sw-1", severity: "error" } };
}

function eventFor(events: EventKind, key: string, c: number, i: number) {
  return events.kind === "mix" ? mixEvent(key, c, i + events.offset) : stormEvent(key, i, events.keys);
}

// Keep-alive connections, as a monitoring tool's HTTP client keeps them (node:http: the senders
// should cost the machine as little as they can, since they share it with what they measure).
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function send(url: string, body: unknown, r: LoadResult) {
  const t0 = performance.now();
  try {
    const status = await post(url, JSON.stringify(body));
    r.latencies.push(performance.now() - t0);
    r.statuses[status] = (r.statuses[status] ?? 0) + 1;
  } catch {
    r.statuses.error = (r.statuses.error ?? 0) + 1;
  }
}

/** Closed loop: each key sends its next event as soon as the last one is answered. */
async function closedLoop(p: Extract<LoadPhase, { mode: "closed" }>): Promise<LoadResult> {
  const r: LoadResult = { latencies: [], statuses: {}, seconds: 0 };
  const t0 = performance.now();
  const until = t0 + p.seconds * 1000;
  await Promise.all(
    p.keys.map(async (key, c) => {
      for (let i = 0; performance.now() < until; i++) await send(p.url, eventFor(p.events, key, c, i), r);
    }),
  );
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

/** Open loop: each key sends on a fixed schedule whatever the answers take, so slow answers show in the latency. */
async function paced(p: Extract<LoadPhase, { mode: "paced" }>): Promise<LoadResult> {
  const r: LoadResult = { latencies: [], statuses: {}, seconds: 0 };
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  const total = Math.round(p.perKey * p.seconds);
  await Promise.all(
    p.keys.map(async (key, c) => {
      for (let i = 0; i < total; i++) {
        const wait = t0 + (i * 1000) / p.perKey - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        inFlight.push(send(p.url, eventFor(p.events, key, c, i), r));
      }
    }),
  );
  await Promise.all(inFlight);
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

export type IngestLoad = { run(phase: LoadPhase): Promise<LoadResult>; close(): void };

/** Starts the sender process; `run` sends it one phase and waits for its figures. */
export function forkIngestLoad(): IngestLoad {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["--ingest-load-child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return {
    run: (phase) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the load process exited (${code}) during a phase`));
        child.once("exit", onExit);
        child.once("message", (m) => {
          child.off("exit", onExit);
          resolve(m as LoadResult);
        });
        child.send(phase);
      }),
    close: () => void child.kill(),
  };
}

if (process.argv.includes("--ingest-load-child") && process.send) {
  process.on("message", async (phase: LoadPhase) => {
    const cpu0 = process.cpuUsage();
    const result = phase.mode === "closed" ? await closedLoop(phase) : await paced(phase);
    const cpu = process.cpuUsage(cpu0);
    process.send!({ ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
  });
}
