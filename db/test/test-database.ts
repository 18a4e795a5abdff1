import { inject } from "vitest";
import pg from "pg";
import { IN_MEMORY, openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * A fresh, migrated database for one test file, on the driver the run was started with:
 * in-memory PGlite, a new database on the PostgreSQL cluster, or that through the Neon driver.
 */
export async function createTestDatabase(): Promise<DbHandle & { url?: string; drop(): Promise<void> }> {
  const kind = inject("testDb");
  if (kind === "pglite") {
    const handle = await openDatabase({ kind: "pglite", dataDir: IN_MEMORY });
    await migrateDatabase(handle);
    return { ...handle, drop: () => handle.close() };
  }
  const adminUrl = inject("adminDatabaseUrl");
  const name = `baton_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind, url: url.toString(), poolMax: 20, neonWsProxy: kind === "neon" ? inject("neonWsProxy") : undefined });
  await migrateDatabase(handle);
  return {
    ...handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // Let the pool's connections finish closing (the Neon driver's close over WebSocket lags), then drop.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
