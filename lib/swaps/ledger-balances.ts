import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coverLedger } from "@/db/schema";

export type LedgerBalance = { userId: string; coveredForOthersHours: number; coveredByOthersHours: number; burdenOwedToThem: number };

/**
 * Who covered whom, netted per person: positive `burdenOwedToThem` means colleagues owe them
 * (they carried more than their share through covers). The generator repays it.
 */
export async function ledgerBalances(db: Queryable, teamId?: string | null): Promise<Map<string, LedgerBalance>> {
  return (await balances(db, teamId ? eq(coverLedger.teamId, teamId) : undefined, false)).get(null) ?? new Map();
}

/** `ledgerBalances` of several teams in one statement: team id → person → balance. Teams without covers are missing. */
export async function teamsLedgerBalances(db: Queryable, teamIds: readonly string[]): Promise<Map<string, Map<string, LedgerBalance>>> {
  if (teamIds.length === 0) return new Map();
  return (await balances(db, inArray(coverLedger.teamId, [...teamIds]), true)) as Map<string, Map<string, LedgerBalance>>;
}

/** Balances netted per person (and per team when `perTeam`, else under the key null), over the unreversed covers in `teamScope`. */
async function balances(db: Queryable, teamScope: SQL | undefined, perTeam: boolean): Promise<Map<string | null, Map<string, LedgerBalance>>> {
  const scope = and(isNull(coverLedger.reversedAt), teamScope);
  const rows = await db
    .select({
      teamId: perTeam ? sql<string>`u.team_id` : sql<null>`null`,
      userId: sql<string>`u.user_id`,
      gaveHours: sql<number>`sum(u.gave_hours)::float8`,
      gotHours: sql<number>`sum(u.got_hours)::float8`,
      burden: sql<number>`sum(u.burden)::float8`,
    })
    .from(
      sql`(
        select ${coverLedger.teamId} as team_id, ${coverLedger.coveringUserId} as user_id, ${coverLedger.hours} as gave_hours, 0::real as got_hours, ${coverLedger.burden} as burden from ${coverLedger} where ${scope}
        union all
        select ${coverLedger.teamId}, ${coverLedger.coveredUserId}, 0::real, ${coverLedger.hours}, -${coverLedger.burden} from ${coverLedger} where ${scope}
      ) u`,
    )
    .groupBy(...(perTeam ? [sql`u.team_id`, sql`u.user_id`] : [sql`u.user_id`]));
  const out = new Map<string | null, Map<string, LedgerBalance>>();
  for (const r of rows) {
    const team = out.get(r.teamId) ?? out.set(r.teamId, new Map()).get(r.teamId)!;
    team.set(r.userId, { userId: r.userId, coveredForOthersHours: Number(r.gaveHours), coveredByOthersHours: Number(r.gotHours), burdenOwedToThem: Number(r.burden) });
  }
  return out;
}
