import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { incidents } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { roleHas, type Permission } from "@/lib/access/permissions";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { reportFiltersSchema, resolveReportFilters } from "./filters";
import type { ReportFilters } from "./types";

/**
 * Every report starts here: the permission first, then the filters parsed (400 naming the field),
 * the period defaulting to the 30 days ending at `ctx.now`.
 */
export async function openReport(ctx: Ctx, input: unknown, permission: Permission, type: string): Promise<ReportFilters> {
  await requirePermission(ctx, permission, { type });
  return resolveReportFilters(parseInput(reportFiltersSchema, input), ctx.now);
}

/**
 * Which incidents a report may count for this viewer, with the filters: managers and admins all,
 * engineers their teams' incidents, stakeholders their clients'. `period: false` leaves out the
 * trigger-time window (load counts pages by when they were sent).
 */
export function incidentScope(ctx: Pick<Ctx, "viewer">, f: ReportFilters, opts: { period?: boolean } = {}): SQL {
  return incidentScopeConditions(ctx, f, opts) ?? sql`true`;
}

/** The same conditions, or undefined when there are none (a manager, no filters, no period): a query may then skip the incidents join. */
export function incidentScopeConditions(ctx: Pick<Ctx, "viewer">, f: ReportFilters, opts: { period?: boolean } = {}): SQL | undefined {
  const v = ctx.viewer;
  const conds: (SQL | undefined)[] = [];
  if (opts.period !== false) conds.push(gte(incidents.triggeredAt, f.from), lt(incidents.triggeredAt, f.to));
  if (!roleHas(v.role, "teams:manage")) {
    if (v.role === "stakeholder") conds.push(v.clientIds === "all" ? undefined : inArray(incidents.clientId, v.clientIds.length ? v.clientIds : [""]));
    else conds.push(inArray(incidents.teamId, v.teamIds.length ? v.teamIds : [""]));
  }
  if (f.teamId) conds.push(eq(incidents.teamId, f.teamId));
  if (f.clientId) conds.push(eq(incidents.clientId, f.clientId));
  if (f.serviceId) conds.push(eq(incidents.serviceId, f.serviceId));
  if (f.priority) conds.push(eq(incidents.priority, f.priority));
  return and(...conds);
}

/**
 * When paging started: at trigger, or for an incident deferred outside business hours at its
 * promotion (the deferral's end if it was answered before being promoted). MTTA and the
 * acknowledge SLA run from here, as the schedules' page times do (lib/schedules/page-times.ts).
 */
export const pagedAtSql = sql`case when ${incidents.deferredUntil} is null then ${incidents.triggeredAt} else coalesce(${incidents.promotedAt}, ${incidents.deferredUntil}) end`;

/** Milliseconds between two timestamptz expressions, as float8. */
export const msBetween = (from: SQL, to: SQL) => sql`(extract(epoch from (${to} - ${from})) * 1000)::float8`;

/** count, mean, median (percentile_cont 0.5) and p90 (percentile_disc 0.9: nearest-rank) of a ms expression; nulls ignored. */
export function durationStatsSql(x: SQL, prefix: string): SQL {
  return sql.join(
    [
      sql`count(${x})::int as ${sql.raw(`${prefix}_count`)}`,
      sql`avg(${x})::float8 as ${sql.raw(`${prefix}_mean`)}`,
      sql`(percentile_cont(0.5) within group (order by ${x}))::float8 as ${sql.raw(`${prefix}_median`)}`,
      sql`(percentile_disc(0.9) within group (order by ${x}))::float8 as ${sql.raw(`${prefix}_p90`)}`,
    ],
    sql`, `,
  );
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Reads the columns `durationStatsSql` wrote back into DurationStats. */
export function durationStatsOf(row: Record<string, unknown>, prefix: string) {
  return { count: Number(row[`${prefix}_count`] ?? 0), mean: num(row[`${prefix}_mean`]), median: num(row[`${prefix}_median`]), p90: num(row[`${prefix}_p90`]) };
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}
