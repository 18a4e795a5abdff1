import type { TestProject } from "vitest/node";
import { findPostgresBin, startThrowawayCluster } from "./postgres-cluster";
import { startWsTcpProxy } from "./ws-tcp-proxy";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: "pglite" | "postgres" | "neon";
    adminDatabaseUrl: string;
    neonWsProxy: string;
  }
}

/**
 * The integration suite runs on the database BATON_TEST_DB names: "pglite" (default,
 * in-memory per suite), "postgres" or "neon" (a throwaway cluster, or TEST_DATABASE_URL;
 * neon goes through a WebSocket proxy with the real Neon driver).
 */
export default async function setup(project: TestProject) {
  const kind = (process.env.BATON_TEST_DB ?? "pglite") as "pglite" | "postgres" | "neon";
  project.provide("testDb", kind);
  project.provide("adminDatabaseUrl", "");
  project.provide("neonWsProxy", "");
  if (kind === "pglite") return;
  const cleanups: (() => unknown)[] = [];
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const bin = findPostgresBin();
    if (!bin) throw new Error("BATON_TEST_DB=" + kind + " needs PostgreSQL: `apt-get install -y postgresql`, or set TEST_DATABASE_URL=postgres://…");
    const cluster = await startThrowawayCluster(bin);
    cleanups.push(() => cluster.stop());
    url = cluster.url;
  }
  project.provide("adminDatabaseUrl", url);
  if (kind === "neon") {
    const proxy = await startWsTcpProxy();
    cleanups.push(() => proxy.close());
    project.provide("neonWsProxy", proxy.address);
  }
  return async () => {
    for (const c of cleanups.reverse()) await c();
  };
}
