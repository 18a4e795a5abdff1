import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidents, postmortems } from "@/db/schema";
import { ensureDraftPostmortem } from "./ensure-draft";

/** Resolved incidents without a post-mortem (resolved by an integration's resolve event, or a crash after commit): drafts them. */
export async function createMissingDrafts(db: Database, now: Date, limit = 50): Promise<number> {
  const missing = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.status, "resolved"), isNotNull(incidents.resolvedAt), sql`not exists (select 1 from ${postmortems} p where p.incident_id = ${incidents.id})`))
    .limit(limit);
  let created = 0;
  for (const m of missing) if ((await ensureDraftPostmortem(db, m.id, now))?.created) created++;
  return created;
}
