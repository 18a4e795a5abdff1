import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { databaseKind, env, type DatabaseKind } from "@/lib/env";
import * as schema from "./schema";
import { acquireDataDirLock } from "./data-dir-lock";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database or an open transaction: verbs accept either. */
export type Queryable = Database | Tx;

export type DbHandle = {
  db: Database;
  kind: DatabaseKind;
  /** Runs `fn` on one dedicated connection (migrations take an advisory lock on it). */
  withSingleConnection<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type OpenOptions = { kind: DatabaseKind; url?: string; dataDir?: string; poolMax?: number; neonWsProxy?: string };

export function optionsFromEnv(): OpenOptions {
  const e = env();
  return {
    kind: databaseKind(e),
    url: e.DATABASE_URL,
    dataDir: path.resolve(e.BATON_DATA_DIR),
    poolMax: e.DATABASE_POOL_MAX,
    neonWsProxy: e.NEON_WS_PROXY,
  };
}

/** `dataDir` for a throwaway in-memory PGlite (tests). */
export const IN_MEMORY = ":memory:";

async function openInMemoryPglite(): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create();
  const db = drizzle({ client, schema }) as unknown as Database;
  return { db, kind: "pglite", withSingleConnection: (fn) => fn(db), close: () => client.close() };
}

type PoolLike = { connect(): Promise<{ release(): void }>; end(): Promise<void>; on(event: "error", listener: (e: Error) => void): unknown };

/** node-postgres and Neon pools share one shape: a pooled db, and one connection on demand. */
function poolHandle(kind: "postgres" | "neon", pool: PoolLike, wrap: (client: unknown) => Database): DbHandle {
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on("error", (e) => console.warn(`[db] idle ${kind} connection closed: ${e.message}`));
  return {
    db: wrap(pool),
    kind,
    async withSingleConnection(fn) {
      const conn = await pool.connect();
      try {
        return await fn(wrap(conn));
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  switch (opts.kind) {
    case "pglite": {
      const dataDir = opts.dataDir ?? path.resolve(".data");
      if (dataDir === IN_MEMORY) return openInMemoryPglite();
      const lock = acquireDataDirLock(dataDir);
      try {
        const { PGlite } = await import("@electric-sql/pglite");
        const { drizzle } = await import("drizzle-orm/pglite");
        const client = await PGlite.create(path.join(dataDir, "pglite"));
        const db = drizzle({ client, schema }) as unknown as Database;
        return {
          db,
          kind: "pglite",
          withSingleConnection: (fn) => fn(db),
          async close() {
            await client.close();
            lock.release();
          },
        };
      } catch (e) {
        lock.release();
        throw e;
      }
    }
    case "postgres": {
      if (!opts.url) throw new Error("DATABASE_URL is required for the postgres driver");
      const { Pool } = await import("pg");
      const { drizzle } = await import("drizzle-orm/node-postgres");
      return poolHandle("postgres", new Pool({ connectionString: opts.url, max: opts.poolMax ?? 10 }), (client) => drizzle({ client: client as never, schema }) as unknown as Database);
    }
    case "neon": {
      if (!opts.url) throw new Error("DATABASE_URL is required for the neon driver");
      const { configureNeon } = await import("./neon-config");
      const { Pool } = configureNeon(opts.neonWsProxy);
      const { drizzle } = await import("drizzle-orm/neon-serverless");
      return poolHandle("neon", new Pool({ connectionString: opts.url, max: opts.poolMax ?? 10 }), (client) => drizzle({ client: client as never, schema }) as unknown as Database);
    }
  }
}

// One handle per process, kept on globalThis so every bundle and hot reload shares it.
const KEY = Symbol.for("baton.db");
type Slot = { handle?: Promise<DbHandle> };
const slot: Slot = ((globalThis as Record<symbol, unknown>)[KEY] ??= {}) as Slot;

/** The process-wide database, opened on first use (never at import: `next build` imports routes). */
export function getDbHandle(): Promise<DbHandle> {
  slot.handle ??= openDatabase(optionsFromEnv()).catch((e) => {
    slot.handle = undefined;
    throw e;
  });
  return slot.handle;
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** Tests and scripts install their own handle. */
export function useDbHandle(handle: DbHandle | undefined): void {
  slot.handle = handle ? Promise.resolve(handle) : undefined;
}

export async function closeDb(): Promise<void> {
  const h = slot.handle;
  slot.handle = undefined;
  if (h) await (await h).close();
}
