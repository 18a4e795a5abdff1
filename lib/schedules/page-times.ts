import { and, gte, inArray, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { incidents } from "@/db/schema";

/**
 * Instants at which a team was paged in [from, to), ascending: the pages that weigh on whoever
 * was on call. An incident pages when it triggers, or — deferred outside business hours — when
 * it is promoted at the next business-hours start.
 *
 * One row per team comes back: the epoch milliseconds (truncated to the millisecond) as one
 * comma-separated text, sorted here. A team's year is ~17,000 pages on the reports benchmark (the load report asks for
 * every team's), and a row per page cost more in row mapping and date parsing than the scan.
 */
export async function loadPageTimes(db: Queryable, opts: { teamId: string; from: Date; to: Date }): Promise<number[]> {
  return (await loadTeamsPageTimes(db, { teamIds: [opts.teamId], from: opts.from, to: opts.to })).get(opts.teamId) ?? [];
}

/** `loadPageTimes` of several teams in one statement (a row per team): team id → instants. Teams never paged in the range are missing. */
export async function loadTeamsPageTimes(db: Queryable, opts: { teamIds: readonly string[]; from: Date; to: Date }): Promise<Map<string, number[]>> {
  if (opts.teamIds.length === 0) return new Map();
  const pagedAt = sql`case when ${incidents.deferredUntil} is null then ${incidents.triggeredAt} else ${incidents.promotedAt} end`;
  const result = await db.execute(sql`
    select ${incidents.teamId} as team_id, string_agg(round(date_part('epoch', date_trunc('milliseconds', ${pagedAt})) * 1000)::bigint::text, ',') as times
    from ${incidents}
    where ${and(inArray(incidents.teamId, [...opts.teamIds]), gte(pagedAt, opts.from), lt(pagedAt, opts.to))}
    group by ${incidents.teamId}`);
  const rows = (result as unknown as { rows: { team_id: string; times: string | null }[] }).rows;
  return new Map(rows.map((r) => [r.team_id, r.times ? parseInstants(r.times) : []]));
}

/**
 * "1764000000000,1763990000000,…" (non-negative integers) → the numbers, ascending. Read digit by
 * digit into a preallocated array: split(",") + Number + a Float64Array took ~2.5× as long for the
 * load report's ~100,000 instants (six teams' year), the largest share of its Node CPU.
 */
function parseInstants(text: string): number[] {
  let n = 1;
  for (let i = text.indexOf(","); i !== -1; i = text.indexOf(",", i + 1)) n++;
  const out = new Array<number>(n);
  let k = 0;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[k++] = v;
      v = 0;
    } else v = v * 10 + (c - 48);
  }
  out[k] = v;
  return out.sort((a, b) => a - b);
}
