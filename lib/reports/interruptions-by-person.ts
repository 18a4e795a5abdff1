// Index wanted: notifications (user_id, created_at) where kind = 'page' — the bench helper's call;
// today notifications_user_idx (user_id, state) and notifications_incident_idx serve it.
import { sql } from "drizzle-orm";
import { incidents, notifications, users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { countInterruptions, type InterruptionBand } from "@/lib/core/reports";
import { incidentScope, rowsOf } from "./report-scope";
import type { ReportFilters } from "./types";

export type PersonInterruptions = { userId: string; timeZone: string; notifications: number; interruptions: Record<InterruptionBand, number> & { total: number } };

/**
 * Pages each person received in the period (notification rows of kind page, not cancelled, by
 * when they were created) on incidents the viewer's scope and filters allow, and those pages merged
 * into interruptions and banded in the person's own zone. A page's instant is when it was sent (its
 * creation if it was never sent). `userIds` narrows to those people.
 */
export async function interruptionsByPerson(ctx: Ctx, f: ReportFilters, userIds?: string[]): Promise<Map<string, PersonInterruptions>> {
  if (userIds && userIds.length === 0) return new Map();
  const only = userIds ? sql`and ${notifications.userId} in (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const result = await ctx.db.execute(sql`
    select ${notifications.userId} as user_id, ${users.timeZone} as time_zone, count(*)::int as notifications,
      array_agg((extract(epoch from coalesce(${notifications.sentAt}, ${notifications.createdAt})) * 1000)::float8 order by coalesce(${notifications.sentAt}, ${notifications.createdAt})) as instants
    from ${notifications}
    join ${incidents} on ${incidents.id} = ${notifications.incidentId}
    join ${users} on ${users.id} = ${notifications.userId}
    where ${notifications.kind} = 'page' and ${notifications.state} <> 'cancelled'
      and ${notifications.createdAt} >= ${f.from.toISOString()}::timestamptz and ${notifications.createdAt} < ${f.to.toISOString()}::timestamptz
      and ${incidentScope(ctx, f, { period: false })} ${only}
    group by ${notifications.userId}, ${users.timeZone}`);
  return new Map(
    rowsOf(result).map((r) => {
      const instants = (r.instants as unknown[]).map(Number);
      const timeZone = String(r.time_zone);
      return [String(r.user_id), { userId: String(r.user_id), timeZone, notifications: Number(r.notifications), interruptions: countInterruptions(instants, timeZone) }];
    }),
  );
}
