import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { incidents } from "@/db/schema";

/**
 * Instants at which a team was paged in [from, to), ascending: the pages that weigh on whoever
 * was on call. An incident pages when it triggers, or — deferred outside business hours — when
 * it is promoted at the next business-hours start.
 */
export async function loadPageTimes(db: Queryable, opts: { teamId: string; from: Date; to: Date }): Promise<number[]> {
  const pagedAt = sql<Date>`case when ${incidents.deferredUntil} is null then ${incidents.triggeredAt} else ${incidents.promotedAt} end`;
  const rows = await db
    .select({ at: pagedAt })
    .from(incidents)
    .where(and(eq(incidents.teamId, opts.teamId), gte(pagedAt, opts.from), lt(pagedAt, opts.to)))
    .orderBy(pagedAt);
  return rows.map((r) => new Date(r.at).getTime());
}
