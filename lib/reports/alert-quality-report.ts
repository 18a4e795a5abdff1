// Indexes wanted: incidents by trigger time (incidents_triggered_idx and the per team/client/service
// ones); postmortems (incident_id) — unique already; alerts (incident_id) — alerts_incident_idx.
import { desc, eq, sql, type SQL } from "drizzle-orm";
import { alerts, incidents, postmortems, services } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { alertingReviewColumns } from "@/lib/postmortems/count-alerting-review";
import { serializeFilters } from "./filters";
import { incidentScope, openReport } from "./report-scope";
import type { AlertQualityReport, AlertQualityRow } from "./types";

/** How many services and rules the noisiest lists show. */
export const NOISIEST_LIMIT = 20;

type ReviewCounts = { reviewed: unknown; falseAlarms: unknown; couldWait: unknown; missed: unknown; unableToHandle: unknown; notEnoughInformation: unknown };
const qualityRow = (key: string, label: string, r: ReviewCounts): AlertQualityRow => ({
  key,
  label,
  reviewed: Number(r.reviewed ?? 0),
  notReal: Number(r.falseAlarms ?? 0),
  couldHaveWaited: Number(r.couldWait ?? 0),
  wrongPerson: Number(r.missed ?? 0) + Number(r.unableToHandle ?? 0),
  notEnoughInformation: Number(r.notEnoughInformation ?? 0),
});

/**
 * Alert quality from the post-mortems' alerting review (the same counts as
 * GET /api/v1/postmortems/alerting-review): of the incidents in the period whose review was
 * answered, the share that were not real, could have waited, reached the wrong person (missed or
 * unable to handle) or lacked information; the services and priority rules that paged most.
 */
export async function alertQualityReport({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<AlertQualityReport> {
  const f = await openReport(ctx, input, "reports:read-load", "alert_quality_report");
  const scope = incidentScope(ctx, f);
  const ruleKey = sql<string>`coalesce(${alerts.priorityRule} ->> 'id', ${alerts.priorityRule} ->> 'name', 'default')`;
  // An incident can carry several alerts: rules count each incident once.
  const distinctIncidents = (cond: SQL) => sql<number>`(count(distinct ${incidents.id}) filter (where ${cond}))::int`;
  // Two scans of the period's incidents instead of four: the totals and the services are grouping
  // sets of one statement, the raw events per service and the rules grouping sets of the other.
  const [incidentRows, alertRows] = await Promise.all([
    ctx.db
      .select({ total: sql<number>`grouping(${incidents.serviceId})`, serviceId: incidents.serviceId, name: services.name, incidents: sql<number>`count(*)::int`, ...alertingReviewColumns() })
      .from(incidents)
      .innerJoin(services, eq(services.id, incidents.serviceId))
      .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
      .where(scope)
      .groupBy(sql`grouping sets ((), (${incidents.serviceId}, ${services.name}))`)
      .orderBy(desc(sql`grouping(${incidents.serviceId})`), desc(sql`count(*)`), services.name),
    ctx.db
      .select({
        byService: sql<number>`1 - grouping(${incidents.serviceId})`,
        serviceId: incidents.serviceId,
        events: sql<number>`coalesce(sum(${alerts.eventCount}), 0)::int`,
        key: ruleKey,
        name: sql<string | null>`max(${alerts.priorityRule} ->> 'name')`,
        incidents: sql<number>`count(distinct ${incidents.id})::int`,
        ...alertingReviewColumns(distinctIncidents),
      })
      .from(alerts)
      .innerJoin(incidents, eq(incidents.id, alerts.incidentId))
      .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
      .where(scope)
      .groupBy(sql`grouping sets ((${incidents.serviceId}), (${ruleKey}))`)
      .orderBy(desc(sql`count(distinct ${incidents.id})`), ruleKey),
  ]);
  const total = incidentRows.find((r) => Number(r.total) === 1);
  const serviceRows = incidentRows.filter((r) => Number(r.total) === 0).slice(0, NOISIEST_LIMIT);
  const eventRows = alertRows.filter((r) => Number(r.byService) === 1);
  const ruleRows = alertRows.filter((r) => Number(r.byService) === 0).slice(0, NOISIEST_LIMIT);
  const totals = qualityRow("total", "All incidents", total ?? { reviewed: 0, falseAlarms: 0, couldWait: 0, missed: 0, unableToHandle: 0, notEnoughInformation: 0 });
  const share = (n: number) => (totals.reviewed > 0 ? n / totals.reviewed : null);
  const events = new Map(eventRows.map((e) => [e.serviceId, Number(e.events)]));
  return {
    filters: serializeFilters(f),
    totals,
    shares: { notReal: share(totals.notReal), couldHaveWaited: share(totals.couldHaveWaited), wrongPerson: share(totals.wrongPerson), notEnoughInformation: share(totals.notEnoughInformation) },
    noisiestServices: serviceRows.map((s) => ({ ...qualityRow(s.serviceId, s.name, s), incidents: Number(s.incidents), events: events.get(s.serviceId) ?? 0 })),
    noisiestRules: ruleRows.map((r) => ({ ...qualityRow(r.key, r.key === "default" ? "Default (severity → priority)" : (r.name ?? r.key), r), incidents: Number(r.incidents) })),
  };
}
