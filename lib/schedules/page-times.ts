import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { incidents } from "@/db/schema";

/**
 * Instants at which a team was paged in [from, to), ascending: the pages that weigh on whoever
 * was on call. An incident pages when it triggers, or — deferred outside business hours — when
 * it is promoted at the next business-hours start.
 *
 * One row comes back: the epoch milliseconds (truncated to the millisecond) as one
 * comma-separated text, sorted here. A team's year is ~17,000 pages on the reports benchmark (the load report asks for
 * every team's), and a row per page cost more in row mapping and date parsing than the scan.
 */
export async function loadPageTimes(db: Queryable, opts: { teamId: string; from: Date; to: Date }): Promise<number[]> {
  const pagedAt = sql`case when ${incidents.deferredUntil} is null then ${incidents.triggeredAt} else ${incidents.promotedAt} end`;
  const result = await db.execute(sql`
    select string_agg(round(date_part('epoch', date_trunc('milliseconds', ${pagedAt})) * 1000)::bigint::text, ',') as times
    from ${incidents}
    where ${and(eq(incidents.teamId, opts.teamId), gte(pagedAt, opts.from), lt(pagedAt, opts.to))}`);
  const times = (result as unknown as { rows: { times: string | null }[] }).rows[0]?.times;
  return times ? Array.from(Float64Array.from(times.split(","), Number).sort()) : [];
}
