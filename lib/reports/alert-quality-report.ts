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
  const ruleName = sql<string | null>`max(${alerts.priorityRule} ->> 'name')`;
  // An incident can carry several alerts: rules count each incident once.
  const distinctIncidents = (cond: SQL) => sql<number>`(count(distinct ${incidents.id}) filter (where ${cond}))::int`;
  const [[total], serviceRows, eventRows, ruleRows] = await Promise.all([
    ctx.db.select(alertingReviewColumns()).from(incidents).leftJoin(postmortems, eq(postmortems.incidentId, incidents.id)).where(scope),
    ctx.db
      .select({ serviceId: incidents.serviceId, name: services.name, incidents: sql<number>`count(*)::int`, ...alertingReviewColumns() })
      .from(incidents)
      .innerJoin(services, eq(services.id, incidents.serviceId))
      .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
      .where(scope)
      .groupBy(incidents.serviceId, services.name)
      .orderBy(desc(sql`count(*)`), services.name)
      .limit(NOISIEST_LIMIT),
    ctx.db
      .select({ serviceId: incidents.serviceId, events: sql<number>`coalesce(sum(${alerts.eventCount}), 0)::int` })
      .from(alerts)
      .innerJoin(incidents, eq(incidents.id, alerts.incidentId))
      .where(scope)
      .groupBy(incidents.serviceId),
    ctx.db
      .select({ key: ruleKey, name: ruleName, incidents: sql<number>`count(distinct ${incidents.id})::int`, ...alertingReviewColumns(distinctIncidents) })
      .from(alerts)
      .innerJoin(incidents, eq(incidents.id, alerts.incidentId))
      .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
      .where(scope)
      .groupBy(ruleKey)
      .orderBy(desc(sql`count(distinct ${incidents.id})`), ruleKey)
      .limit(NOISIEST_LIMIT),
  ]);
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
