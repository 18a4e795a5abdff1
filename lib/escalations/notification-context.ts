import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { alerts, clients, incidentEscalations, incidents, services } from "@/db/schema";

export type IncidentForNotice = {
  id: string;
  number: number;
  title: string;
  status: "triggered" | "acknowledged" | "resolved";
  priority: string;
  confidential: boolean;
  triggeredAt: Date;
  client: string;
  clientTimeZone: string;
  service: string;
  source: string | null;
  details: string[];
  links: { href: string; text?: string }[];
  escalationPhase: string | null;
};

const MAX_DETAIL_LINES = 6;

/** The first lines of an alert's custom details, as "key: value". */
export function detailLines(details: unknown): string[] {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object") return String(details).split("\n").slice(0, MAX_DETAIL_LINES);
  return Object.entries(details as Record<string, unknown>)
    .slice(0, MAX_DETAIL_LINES)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`.slice(0, 200));
}

/** What a page or failover email says about its incident. */
export async function loadIncidentForNotice(db: Queryable, incidentId: string): Promise<IncidentForNotice | null> {
  const [row] = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      status: incidents.status,
      priority: incidents.priority,
      confidential: incidents.confidential,
      triggeredAt: incidents.triggeredAt,
      client: clients.name,
      clientTimeZone: clients.timeZone,
      service: services.name,
      escalationPhase: incidentEscalations.phase,
    })
    .from(incidents)
    .innerJoin(clients, eq(clients.id, incidents.clientId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(incidentEscalations, eq(incidentEscalations.incidentId, incidents.id))
    .where(eq(incidents.id, incidentId));
  if (!row) return null;
  const [alert] = await db
    .select({ source: alerts.eventSource, details: alerts.customDetails, links: alerts.links })
    .from(alerts)
    .where(eq(alerts.incidentId, incidentId))
    .orderBy(asc(alerts.firstSeenAt))
    .limit(1);
  return { ...row, source: alert?.source ?? null, details: detailLines(alert?.details), links: (alert?.links ?? []).slice(0, 5), escalationPhase: row.escalationPhase ?? null };
}
