import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DbHandle } from "@/db/client";

/**
 * A migrated database for a benchmark: PGlite in a temporary folder, or PostgreSQL — the URL
 * given, else a throwaway local cluster (fsync off, as in the tests). `cleanups` receives what
 * undoes it, to run in order after the benchmark. `info.url` receives the PostgreSQL URL (for a
 * child process that should use the same database).
 */
export async function openBenchDatabase(kind: "pglite" | "postgres", databaseUrl: string | undefined, cleanups: (() => unknown)[], info: { url?: string } = {}): Promise<DbHandle> {
  const { openDatabase } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  let handle: DbHandle;
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    handle = await openDatabase({ kind: "pglite", dataDir: dir });
  } else {
    let url = databaseUrl;
    if (!url) {
      const { findPostgresBin, startThrowawayCluster } = await import("@/db/test/postgres-cluster");
      const bin = findPostgresBin();
      if (!bin) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql, or pass --database-url");
      const cluster = await startThrowawayCluster(bin);
      cleanups.push(() => cluster.stop());
      url = cluster.url;
    }
    info.url = url;
    handle = await openDatabase({ kind: "postgres", url, poolMax: 10 });
  }
  cleanups.unshift(() => handle.close());
  await migrateDatabase(handle);
  return handle;
}
