// Indexes wanted: incidents by trigger time (present) and notifications (incident_id, created_at) —
// notifications_incident_idx, present.
import { sql } from "drizzle-orm";
import { incidents, notifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { CHANNELS, type Channel } from "@/lib/core/escalation";
import { serializeFilters } from "./filters";
import { durationStatsOf, durationStatsSql, incidentScope, msBetween, openReport, rowsOf } from "./report-scope";
import type { DeliveryReport, DeliveryRow } from "./types";

/**
 * Delivery of the notifications (pages and failover emails) of the period's incidents, by channel
 * and state — pending, sent, delivered, read, failed; cancelled ones (the incident was answered
 * before they were due) are left out of every count — and time from creation to read.
 */
export async function deliveryReport({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<DeliveryReport> {
  const f = await openReport(ctx, input, "reports:read-load", "delivery_report");
  const state = (s: string) => sql`(count(*) filter (where ${notifications.state} = ${s}))::int as ${sql.raw(s)}`;
  const result = await ctx.db.execute(sql`
    select grouping(${notifications.channel}) as g_channel, ${notifications.channel} as channel, count(*)::int as total,
      ${state("pending")}, ${state("sent")}, ${state("delivered")}, ${state("read")}, ${state("failed")},
      ${durationStatsSql(sql`case when ${notifications.readAt} is not null then ${msBetween(sql`${notifications.createdAt}`, sql`${notifications.readAt}`)} end`, "ttr")}
    from ${notifications}
    join ${incidents} on ${incidents.id} = ${notifications.incidentId}
    where ${incidentScope(ctx, f)} and ${notifications.state} <> 'cancelled'
    group by rollup (${notifications.channel})`);
  const rows = rowsOf(result);
  const toRow = (channel: Channel | "all", r: Record<string, unknown> | undefined): DeliveryRow => ({
    channel,
    total: Number(r?.total ?? 0),
    pending: Number(r?.pending ?? 0),
    sent: Number(r?.sent ?? 0),
    delivered: Number(r?.delivered ?? 0),
    read: Number(r?.read ?? 0),
    failed: Number(r?.failed ?? 0),
    timeToRead: r ? durationStatsOf(r, "ttr") : { count: 0, mean: null, median: null, p90: null },
  });
  return {
    filters: serializeFilters(f),
    byChannel: CHANNELS.map((c) => toRow(c, rows.find((r) => !Number(r.g_channel) && r.channel === c))),
    totals: toRow("all", rows.find((r) => Number(r.g_channel) === 1)),
  };
}
