import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";

const dialect = new PgDialect();
const names = new Map<string, string>();
const MAX_NAMES = 64;

/**
 * `db.execute(query)` as a named prepared statement: PostgreSQL parses and plans ingestion's
 * large CTE statements once per connection instead of on every event (the server side of an event
 * is about a third cheaper). The name is a hash of the statement's text, so two texts never share
 * one; values stay bound parameters. With node-postgres and Neon's Pool each connection prepares
 * it on first use; PGlite ignores the name.
 */
export async function executePrepared(db: Queryable, query: SQL): Promise<{ rows: Record<string, unknown>[] }> {
  const built = dialect.sqlToQuery(query);
  let name = names.get(built.sql);
  if (!name) {
    // A handful of texts are expected; should one ever vary per call, stop naming rather than
    // fill every connection with prepared statements.
    if (names.size >= MAX_NAMES) return (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
    name = `baton_ingest_${createHash("sha256").update(built.sql).digest("hex").slice(0, 24)}`;
    names.set(built.sql, name);
  }
  const result = await db._.session.prepareQuery(built, undefined, name, false).execute();
  return result as { rows: Record<string, unknown>[] };
}
