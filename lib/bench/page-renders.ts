/**
 * The reports page's server render, timed through the production server: `next start` of the
 * build in <appDir>/.next on the benchmark's PostgreSQL database, a database session per viewer
 * (the `authjs.session-token` cookie, as Auth.js sets it over http), then GET /reports?tab=… —
 * the whole response body, as a browser receives it on a full page load.
 *
 * The server runs with the embedded workflow driver off. There is no switch for only that:
 * INNGEST_DEV=1 makes `workflowDriver()` "inngest", so instrumentation.ts starts neither the
 * escalation driver (which would start escalations for the dataset's open incidents and run the
 * post-mortem chores) nor the heartbeat ticker. Nothing on these pages sends an Inngest event.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Database } from "@/db/client";
import type { ReportKind } from "@/lib/reports/types";

export type PageServer = { port: number; origin: string; child: ChildProcess; dataDir: string; output: () => string };

export const hasProductionBuild = (appDir: string) => fs.existsSync(path.join(appDir, ".next", "BUILD_ID"));

/** Runs `next build` in appDir (only when asked: --build). */
export async function buildApp(appDir: string): Promise<void> {
  const next = path.join(appDir, "node_modules", ".bin", "next");
  const child = spawn(next, ["build"], { cwd: appDir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build exited with ${code}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `next start` in its own process group; `stopPageServer` ends the group. */
export async function startPageServer(appDir: string, databaseUrl: string, log: (line: string) => void): Promise<PageServer> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const next = path.join(appDir, "node_modules", ".bin", "next");
  const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "baton-bench-pages-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: "postgres",
    AUTH_SECRET: `bench-pages-${randomBytes(16).toString("hex")}`,
    AUTH_URL: origin,
    AUTH_TRUST_HOST: "1",
    BATON_SEED_DEMO: "0",
    BATON_PUBLIC_URL: origin,
    // The embedded driver off (see the header): no escalations, sends or chores on the 100k incidents.
    INNGEST_DEV: "1",
    // Keep the server's own data (VAPID keys, …) out of the working tree.
    BATON_DATA_DIR: dataDir,
  };
  let out = "";
  const child = spawn(next, ["start", "-p", String(port)], { cwd: appDir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  let spawnError: Error | undefined;
  child.once("error", (e) => (spawnError = e));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const server: PageServer = { port, origin, child, dataDir, output: () => out };
  const t0 = performance.now();
  log(`starting next start -p ${port} (pid ${child.pid}) in ${appDir}`);
  try {
    for (;;) {
      if (spawnError) throw new Error(`could not start ${next}: ${spawnError.message}`);
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited (${child.exitCode ?? child.signalCode}) before answering:\n${out}`);
      try {
        const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5000) });
        const body = await res.text();
        if (res.status === 200) {
          log(`server up in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${body}`);
          return server;
        }
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 90_000) throw new Error(`next start did not answer /api/health within 90 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    await stopPageServer(server);
    throw e;
  }
}

/** SIGTERM to the server's process group, SIGKILL after 5 s; then its data directory is removed. */
export async function stopPageServer(server: PageServer): Promise<void> {
  try {
    await stopProcessGroup(server.child);
  } finally {
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

async function stopProcessGroup(child: PageServer["child"]): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** An Auth.js database session for the user; the cookie value that carries it. */
export async function createSessionCookie(db: Database, userId: string): Promise<string> {
  const { sessions } = await import("@/db/schema");
  const sessionToken = randomBytes(32).toString("hex");
  await db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + 86_400_000) });
  return `authjs.session-token=${sessionToken}`;
}

/** Removes the sessions behind these cookies (a reused database keeps no bench sign-ins). */
export async function deleteSessions(db: Database, cookies: string[]): Promise<void> {
  const [{ sessions }, { inArray }] = await Promise.all([import("@/db/schema"), import("drizzle-orm")]);
  await db.delete(sessions).where(inArray(sessions.sessionToken, cookies.map((c) => c.slice(c.indexOf("=") + 1))));
}

const TAB_LABELS: Record<ReportKind, string> = { response: "Response", load: "Load", "alert-quality": "Alert quality", delivery: "Delivery" };

/** GET the page with the cookie; throws unless it is the report (200, the report's section, its CSV links, no filter problem). */
export async function getReportPage(server: PageServer, report: ReportKind, query: Record<string, string>, cookie: string): Promise<string> {
  const url = `${server.origin}/reports?${new URLSearchParams({ tab: report, ...query })}`;
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  const problem =
    res.status !== 200
      ? `answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}`
      : !body.includes(`aria-label="${TAB_LABELS[report]} report"`)
        ? "has no report section (sign-in or error page?)"
        : !body.includes("Download CSV")
          ? "has no report body (no CSV links)"
          : body.includes("These filters can")
            ? "refused the filters"
            : null;
  if (problem) throw new Error(`GET ${url} ${problem}: ${body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 400)}`);
  return body;
}
