// Indexes wanted: incidents (triggered_at) and (team_id|client_id|service_id, triggered_at) — present
// (incidents_triggered_idx, incidents_team_idx, incidents_client_idx, incidents_service_idx);
// incident_escalations_report_idx (incident_id, phase, level, repeat, policy_levels: index-only, where the
// table itself is wide with the policy snapshot); clients primary key. One scan of the period's
// incidents feeds every grouping (GROUPING SETS); the breach list is a second scan of the same range.
import { sql } from "drizzle-orm";
import { clients, incidentEscalations, incidents, services, teams } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { PRIORITIES, type Priority } from "@/lib/core/alerts/priority-rules";
import { isoWeekKeysBetween, isoWeekLabel } from "@/lib/core/reports";
import { confidentialityFilter } from "@/lib/incidents/visibility";
import { serializeFilters } from "./filters";
import { durationStatsOf, durationStatsSql, incidentScope, msBetween, openReport, pagedAtSql, rowsOf } from "./report-scope";
import type { ReportFilters, ResponseGroupRow, ResponseReport, SlaBreach } from "./types";

/** At most this many breaches are listed (most recent first; the page shows the first 50, the CSV all); `breachCount` counts them all. */
export const MAX_LISTED_BREACHES = 500;

const PRIORITY_LABELS: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };

/**
 * MTTA (paging start → acknowledged) and MTTR (triggered → resolved, over incidents that paged
 * someone or were acknowledged) with mean, median and p90 by team, client, service, priority and
 * ISO week; escalation (level 2+ reached), failover and unanswered (failed over, never
 * acknowledged) counts; SLA breaches against each client's targets. Stakeholders get no team rows.
 */
export async function responseReport({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ResponseReport> {
  const f = await openReport(ctx, input, "reports:read", "response_report");
  const [groups, sla] = await Promise.all([groupRows(ctx, f), slaBreaches(ctx, f)]);
  const stakeholder = ctx.viewer.role === "stakeholder";
  const pick = (set: string) => groups.filter((g) => g.set === set).map((g) => g.row);
  const byWeek = new Map(pick("week").map((r) => [r.key, r]));
  return {
    filters: serializeFilters(f),
    totals: pick("total")[0] ?? emptyRow("total", "All incidents"),
    byTeam: stakeholder ? [] : sortByLabel(pick("team")),
    byClient: sortByLabel(pick("client")),
    byService: sortByLabel(pick("service")),
    byPriority: (["high", "medium", "low"] as const).map((p) => pick("priority").find((r) => r.key === p)).filter((r): r is ResponseGroupRow => !!r),
    byWeek: isoWeekKeysBetween(f.from.getTime(), f.to.getTime()).map((k) => byWeek.get(k) ?? emptyRow(k, isoWeekLabel(k))),
    sla: { breaches: sla.breaches, breachCount: sla.breachCount, measured: groups.find((g) => g.set === "total")?.measured ?? 0 },
  };
}

function emptyRow(key: string, label: string): ResponseGroupRow {
  const none = { count: 0, mean: null, median: null, p90: null };
  return { key, label, incidents: 0, mtta: none, mttr: none, escalated: 0, failedOver: 0, unanswered: 0 };
}

const sortByLabel = (rows: ResponseGroupRow[]) => rows.sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));

/** Reached level 2 or beyond: the cursor (0-based) passed level index 1, or a repeat began on a policy with 2+ levels. */
const escalatedSql = sql`coalesce(${incidentEscalations.level} >= 1 or (${incidentEscalations.repeat} >= 1 and ${incidentEscalations.policyLevels} >= 2), false)`;
/**
 * The policy ran out: every level and repeat was paged without the stop condition (or there was no
 * policy) and the failover step ran. The escalation stays failed over after a late acknowledgement
 * or a resolution, while the incident's `unanswered_at` mark is cleared by either.
 */
const failedOverSql = sql`(coalesce(${incidentEscalations.phase} = 'failed_over', false) or ${incidents.unansweredAt} is not null)`;
/**
 * Unanswered, one definition with the incident list (`GET /api/v1/incidents?unanswered=true`, the
 * `unanswered_at` mark: "every level and repeat passed unanswered, until someone takes it"): the
 * policy ran out and nobody has acknowledged it. An open incident counts here exactly when the
 * list shows it; a resolution by monitoring clears the list's mark but the report keeps counting
 * it (nobody answered). An incident resolved before anyone was paged (one deferred to business
 * hours that resolved first) never failed over, so it is not unanswered.
 */
const unansweredSql = sql`(${failedOverSql} and ${incidents.acknowledgedAt} is null)`;
/**
 * MTTR counts incidents that were worked: paging had started before the resolution, or someone
 * acknowledged. One deferred to business hours that resolved (by monitoring) before its deferral
 * ended paged nobody: it counts as an incident, not in MTTR.
 */
const workedSql = sql`(${incidents.acknowledgedAt} is not null or ${pagedAtSql} < ${incidents.resolvedAt})`;

async function groupRows(ctx: Ctx, f: ReportFilters) {
  const result = await ctx.db.execute(sql`
    with base as (
      select ${incidents.teamId} as team_id, ${incidents.clientId} as client_id, ${incidents.serviceId} as service_id, ${incidents.priority} as priority,
        to_char(date_trunc('week', ${incidents.triggeredAt} at time zone 'UTC'), 'YYYY-MM-DD') as week,
        case when ${incidents.acknowledgedAt} is not null then greatest(${msBetween(pagedAtSql, sql`${incidents.acknowledgedAt}`)}, 0) end as tta,
        case when ${workedSql} then ${msBetween(sql`${incidents.triggeredAt}`, sql`${incidents.resolvedAt}`)} end as ttr,
        ${escalatedSql} as escalated, ${failedOverSql} as failed_over, ${unansweredSql} as unanswered,
        coalesce(${clients.slaTargets} ? ${incidents.priority}, false) as has_sla
      from ${incidents}
      join ${clients} on ${clients.id} = ${incidents.clientId}
      left join ${incidentEscalations} on ${incidentEscalations.incidentId} = ${incidents.id}
      where ${incidentScope(ctx, f)}
    ), agg as (
      select grouping(team_id) as g_team, grouping(client_id) as g_client, grouping(service_id) as g_service, grouping(priority) as g_priority, grouping(week) as g_week,
        team_id, client_id, service_id, priority, week,
        count(*)::int as incidents,
        ${durationStatsSql(sql`tta`, "mtta")}, ${durationStatsSql(sql`ttr`, "mttr")},
        (count(*) filter (where escalated))::int as escalated,
        (count(*) filter (where failed_over))::int as failed_over,
        (count(*) filter (where unanswered))::int as unanswered,
        (count(*) filter (where has_sla))::int as measured
      from base
      group by grouping sets ((), (team_id), (client_id), (service_id), (priority), (week))
    )
    select agg.*, t.name as team_name, c.name as client_name, s.name as service_name
    from agg
    left join ${teams} t on t.id = agg.team_id
    left join ${clients} c on c.id = agg.client_id
    left join ${services} s on s.id = agg.service_id`);
  return rowsOf(result).map((r) => {
    const set = !r.g_team ? "team" : !r.g_client ? "client" : !r.g_service ? "service" : !r.g_priority ? "priority" : !r.g_week ? "week" : "total";
    const [key, label] =
      set === "team" ? [r.team_id, r.team_name] : set === "client" ? [r.client_id, r.client_name] : set === "service" ? [r.service_id, r.service_name] : set === "priority" ? [r.priority, PRIORITY_LABELS[r.priority as Priority]] : set === "week" ? [r.week, isoWeekLabel(String(r.week))] : ["total", "All incidents"];
    const row: ResponseGroupRow = {
      key: String(key),
      label: String(label ?? key),
      incidents: Number(r.incidents),
      mtta: durationStatsOf(r, "mtta"),
      mttr: durationStatsOf(r, "mttr"),
      escalated: Number(r.escalated),
      failedOver: Number(r.failed_over),
      unanswered: Number(r.unanswered),
    };
    return { set, row, measured: Number(r.measured) };
  });
}

/**
 * Breaches of the client's targets for the incident's priority: acknowledge from paging start to
 * the acknowledgement (or the resolution, or the end of the period if neither came), resolve from
 * trigger to resolution (or the end of the period). Confidential incidents the viewer may not
 * read are listed without id, number and title.
 */
async function slaBreaches(ctx: Ctx, f: ReportFilters): Promise<{ breaches: SlaBreach[]; breachCount: number }> {
  const end = sql`least(${f.to.toISOString()}::timestamptz, ${ctx.now.toISOString()}::timestamptz)`;
  const visible = confidentialityFilter(ctx) ?? sql`true`;
  // The targets per client and priority come out of the jsonb once (36 rows), and each incident's
  // times are compared as intervals: only the listed breaches pay for the milliseconds.
  const priorities = sql.join(PRIORITIES.map((p) => sql`(${p})`), sql`, `);
  const result = await ctx.db.execute(sql`
    with targets as (
      select ${clients.id} as client_id, ${clients.name} as client_name, p.priority,
        (${clients.slaTargets} -> p.priority ->> 'acknowledgeMinutes')::int as acknowledge_minutes,
        (${clients.slaTargets} -> p.priority ->> 'resolveMinutes')::int as resolve_minutes
      from ${clients} cross join (values ${priorities}) as p(priority)
      where ${clients.slaTargets} ? p.priority
    )
    select case when ${visible} then ${incidents.id} end as incident_id,
      case when ${visible} then ${incidents.number} end as number,
      case when ${visible} then ${incidents.title} end as title,
      ${incidents.clientId} as client_id, t.client_name, ${incidents.priority} as priority,
      v.kind, v.target_minutes, (extract(epoch from v.took) * 1000)::float8 as took_ms, (extract(epoch from ${incidents.triggeredAt}) * 1000)::float8 as triggered_ms,
      count(*) over ()::int as breach_count
    from ${incidents}
    join targets t on t.client_id = ${incidents.clientId} and t.priority = ${incidents.priority}
    cross join lateral (values
      ('acknowledge', t.acknowledge_minutes, coalesce(${incidents.acknowledgedAt}, ${incidents.resolvedAt}, ${end}) - ${pagedAtSql}),
      ('resolve', t.resolve_minutes, coalesce(${incidents.resolvedAt}, ${end}) - ${incidents.triggeredAt})
    ) as v(kind, target_minutes, took)
    where ${incidentScope(ctx, f)}
      and v.target_minutes is not null and v.took > make_interval(mins => v.target_minutes)
    order by ${incidents.triggeredAt} desc, v.kind
    limit ${MAX_LISTED_BREACHES}`);
  const rows = rowsOf(result);
  return {
    breachCount: rows.length ? Number(rows[0]!.breach_count) : 0,
    breaches: rows.map((r) => ({
      incidentId: (r.incident_id as string | null) ?? null,
      number: r.number === null || r.number === undefined ? null : Number(r.number),
      title: (r.title as string | null) ?? null,
      clientId: String(r.client_id),
      clientName: String(r.client_name),
      priority: r.priority as Priority,
      kind: r.kind as SlaBreach["kind"],
      targetMinutes: Number(r.target_minutes),
      tookMs: Number(r.took_ms),
      triggeredAt: new Date(Number(r.triggered_ms)).toISOString(),
    })),
  };
}
