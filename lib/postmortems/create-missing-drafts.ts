import { and, eq, gte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidents, notifications, postmortems } from "@/db/schema";
import { ensureDraftPostmortem } from "./ensure-draft";

/** How far back the sweep looks: older incidents (before post-mortems existed, or bulk imports) are left alone. */
export const SWEEP_HORIZON_DAYS = 30;

/**
 * Resolved incidents without a post-mortem (resolved by an integration's resolve event, or a crash
 * after commit): drafts them — those that paged someone. An alert that resolved itself while it
 * waited for business hours, or was only recorded, interrupted nobody and needs no post-mortem
 * (a person resolving one in Baton still gets its draft).
 */
export async function createMissingDrafts(db: Database, now: Date, limit = 50): Promise<number> {
  const missing = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(
      and(
        eq(incidents.status, "resolved"),
        gte(incidents.resolvedAt, new Date(now.getTime() - SWEEP_HORIZON_DAYS * 86_400_000)),
        sql`not exists (select 1 from ${postmortems} p where p.incident_id = ${incidents.id})`,
        sql`exists (select 1 from ${notifications} n where n.incident_id = ${incidents.id})`,
      ),
    )
    .limit(limit);
  let created = 0;
  for (const m of missing) if ((await ensureDraftPostmortem(db, m.id, now))?.created) created++;
  return created;
}
