/**
 * `npm start`: build when there is no current build, migrate and seed, then serve.
 * One command on a fresh clone.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureAuthSecret, loadEnvFiles } from "./load-env";

const SOURCES = ["app", "components", "lib", "db", "inngest", "public", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json", "instrumentation.ts"];
const STAMP = path.join(".next", "baton-source-hash");

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) if (!entry.startsWith(".") && entry !== "node_modules") walk(path.join(p, entry));
    } else if (!/\.(test|int\.test)\.tsx?$/.test(p)) {
      hash.update(p).update(fs.readFileSync(p));
    }
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

async function main() {
  loadEnvFiles();
  ensureAuthSecret();
  const next = path.join("node_modules", ".bin", "next");
  const current = sourceHash();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === current;
  if (!built) {
    console.log("[baton] no current build: running next build (about a minute on a small machine)…");
    const r = spawnSync(next, ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) process.exit(r.status ?? 1);
    fs.writeFileSync(STAMP, current);
  }
  const { withPreparedDb } = await import("./with-prepared-db");
  await withPreparedDb(async () => {}, (line) => console.log(`[baton] ${line}`));
  const port = process.env.PORT || "3000";
  console.log(`[baton] serving on http://localhost:${port}`);
  const child = spawn(next, ["start", "-p", port], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((e) => {
  console.error(`[baton] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
