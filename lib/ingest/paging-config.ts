import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { LowPriorityMode, PriorityRule } from "@/lib/core/alerts";
import type { BusinessHours } from "@/lib/core/business-hours";
import type { IngestTarget } from "./integration-key-auth";

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

/** What deciding a new alert's priority and paging needs, in one round trip. */
export async function loadPagingConfig(db: Queryable, target: IngestTarget, now: Date): Promise<PagingConfig> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    select c.name, c.time_zone, c.business_hours,
      coalesce((select json_agg(h.date::text) from client_holidays h where h.client_id = c.id), '[]'::json) as holidays,
      coalesce((select p.low_priority from client_alert_policies p where p.client_id = c.id), 'page') as low_priority,
      ${rulesOf("service_id")}${target.serviceId}), '[]'::json) as service_rules,
      ${rulesOf("client_id")}c.id), '[]'::json) as client_rules,
      exists (select 1 from maintenance_windows m where m.service_id = ${target.serviceId} and m.starts_at <= ${at}::timestamptz and m.ends_at > ${at}::timestamptz) as in_maintenance
    from clients c where c.id = ${target.clientId}`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) throw new Error(`client ${target.clientId} of service ${target.serviceId} is missing`);
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
