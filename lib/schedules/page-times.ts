import type { Queryable } from "@/db/client";

/**
 * Instants at which a team was paged in [from, to), ascending: the pages that weigh on whoever
 * was on call. Reads the incidents the team's services opened.
 */
export async function loadPageTimes(_db: Queryable, _opts: { teamId: string; from: Date; to: Date }): Promise<number[]> {
  return [];
}
