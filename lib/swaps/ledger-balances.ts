import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coverLedger } from "@/db/schema";

export type LedgerBalance = { userId: string; coveredForOthersHours: number; coveredByOthersHours: number; burdenOwedToThem: number };

/**
 * Who covered whom, netted per person: positive `burdenOwedToThem` means colleagues owe them
 * (they carried more than their share through covers). The generator repays it.
 */
export async function ledgerBalances(db: Queryable, teamId?: string | null): Promise<Map<string, LedgerBalance>> {
  const scope = and(isNull(coverLedger.reversedAt), teamId ? eq(coverLedger.teamId, teamId) : undefined);
  const rows = await db
    .select({
      userId: sql<string>`u.user_id`,
      gaveHours: sql<number>`sum(u.gave_hours)::float8`,
      gotHours: sql<number>`sum(u.got_hours)::float8`,
      burden: sql<number>`sum(u.burden)::float8`,
    })
    .from(
      sql`(
        select ${coverLedger.coveringUserId} as user_id, ${coverLedger.hours} as gave_hours, 0::real as got_hours, ${coverLedger.burden} as burden from ${coverLedger} where ${scope}
        union all
        select ${coverLedger.coveredUserId}, 0::real, ${coverLedger.hours}, -${coverLedger.burden} from ${coverLedger} where ${scope}
      ) u`,
    )
    .groupBy(sql`u.user_id`);
  return new Map(rows.map((r) => [r.userId, { userId: r.userId, coveredForOthersHours: Number(r.gaveHours), coveredByOthersHours: Number(r.gotHours), burdenOwedToThem: Number(r.burden) }]));
}
