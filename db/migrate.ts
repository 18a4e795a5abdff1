import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");
// Serialises migrations when several app servers start at once on one PostgreSQL.
const MIGRATION_LOCK_ID = 724_117_001;

/** Applies every committed drizzle-kit migration that the database has not seen. */
export async function migrateDatabase(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder };
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, config);
    return;
  }
  await handle.withSingleConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    try {
      if (handle.kind === "neon") {
        const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
        await migrate(db as never, config);
      } else {
        const { migrate } = await import("drizzle-orm/node-postgres/migrator");
        await migrate(db as never, config);
      }
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
    }
  });
}
