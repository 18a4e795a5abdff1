import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { LowPriorityMode, PriorityRule } from "@/lib/core/alerts";
import type { BusinessHours } from "@/lib/core/business-hours";

type Rule = PriorityRule & { id: string };
export type PagingConfig = {
  clientName: string;
  timeZone: string;
  businessHours: BusinessHours;
  holidays: string[];
  lowPriority: LowPriorityMode;
  serviceRules: Rule[];
  clientRules: Rule[];
  inMaintenance: boolean;
};

const rulesOf = (owner: "service_id" | "client_id") =>
  sql.raw(`coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name, 'conditions', r.conditions, 'priority', r.priority) order by r.position) from priority_rules r where r.${owner} = `);

/**
 * The query for what deciding a new alert's priority and paging needs, as one row (name,
 * time_zone, business_hours, holidays, low_priority, service_rules, client_rules,
 * in_maintenance). Ingestion embeds it in the statement that first looks for an open alert to
 * join, and compares a fingerprint of it (md5 of its json text: deterministic, every list
 * ordered) with the one a cached copy was read with, so a cached config is used only while it is
 * still the current one: rule, holiday, business-hours and maintenance edits apply to the next
 * new alert.
 */
export function pagingConfigQuery(p: (key: "serviceId" | "clientId" | "now") => Placeholder): SQL {
  return sql`
    select c.name, c.time_zone, c.business_hours,
      coalesce((select json_agg(h.date::text order by h.date) from client_holidays h where h.client_id = c.id), '[]'::json) as holidays,
      coalesce((select p.low_priority from client_alert_policies p where p.client_id = c.id), 'page') as low_priority,
      ${rulesOf("service_id")}${p("serviceId")}), '[]'::json) as service_rules,
      ${rulesOf("client_id")}c.id), '[]'::json) as client_rules,
      exists (select 1 from maintenance_windows m where m.service_id = ${p("serviceId")} and m.starts_at <= ${p("now")}::timestamptz and m.ends_at > ${p("now")}::timestamptz) as in_maintenance
    from clients c where c.id = ${p("clientId")}`;
}

/** A row of `pagingConfigQuery` (as columns, or as one json value) into a PagingConfig. */
export function parsePagingConfig(row: Record<string, unknown>): PagingConfig {
  const parsed = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
  return {
    clientName: String(row.name),
    timeZone: String(row.time_zone),
    businessHours: parsed<BusinessHours>(row.business_hours),
    holidays: parsed<string[]>(row.holidays),
    lowPriority: row.low_priority as LowPriorityMode,
    serviceRules: parsed<Rule[]>(row.service_rules),
    clientRules: parsed<Rule[]>(row.client_rules),
    inMaintenance: row.in_maintenance === true || row.in_maintenance === "t",
  };
}
