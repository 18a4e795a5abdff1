import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { alertEvents, alerts, clients, incidents, incidentTimeline, services, teams, users } from "@/db/schema";
import { can, canSeeClient, requirePermission } from "@/lib/access/check";
import { decodeCursor, encodeCursor, type Page } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { publicActorLabel } from "@/lib/core/timeline";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { auditConfidentialRead, confidentialityFilter, mayReadIncident, pagedViewerSql, wasPaged } from "./visibility";
import { incidentListQuery, type AlertEventOutput, type AlertOutput, type IncidentDetailOutput, type IncidentOutput, type TimelineEntryOutput } from "./schemas";

const ackUser = alias(users, "ack_user");
const resUser = alias(users, "res_user");

const baseSelect = (db: Queryable) =>
  db
    .select({
      incident: incidents,
      client: { id: clients.id, name: clients.name, timeZone: clients.timeZone },
      service: { id: services.id, name: services.name },
      team: { id: teams.id, name: teams.name },
      ackBy: { id: ackUser.id, name: ackUser.name },
      resBy: { id: resUser.id, name: resUser.name },
    })
    .from(incidents)
    .innerJoin(clients, eq(clients.id, incidents.clientId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .innerJoin(teams, eq(teams.id, incidents.teamId))
    .leftJoin(ackUser, eq(ackUser.id, incidents.acknowledgedBy))
    .leftJoin(resUser, eq(resUser.id, incidents.resolvedBy));
type Row = Awaited<ReturnType<ReturnType<typeof baseSelect>["where"]>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;
const person = (p: { id: string | null; name: string | null } | null) => (p?.id ? { id: p.id, name: p.name ?? "" } : null);

function toOutput(r: Row, internal: boolean): IncidentOutput {
  const i = r.incident;
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    status: i.status,
    priority: i.priority,
    client: r.client,
    service: r.service,
    team: internal ? r.team : null,
    triggeredAt: i.triggeredAt.toISOString(),
    deferredUntil: iso(i.deferredUntil),
    promotedAt: iso(i.promotedAt),
    acknowledgedAt: iso(i.acknowledgedAt),
    acknowledgedBy: person(r.ackBy),
    resolvedAt: iso(i.resolvedAt),
    resolvedBy: person(r.resBy),
    unansweredAt: iso(i.unansweredAt),
    confidential: i.confidential,
    typeId: i.typeId,
  };
}

/** Stakeholders their clients, engineers the clients their teams serve (and any incident that paged them), managers and admins all. */
function scopeOf(ctx: Ctx): SQL | undefined {
  if (ctx.viewer.clientIds === "all") return undefined;
  const clients = inArray(incidents.clientId, ctx.viewer.clientIds.length ? ctx.viewer.clientIds : [""]);
  return can(ctx.viewer, "incidents:read-internal") ? or(clients, pagedViewerSql(ctx.viewer.userId)) : clients;
}

/** Newest first, filtered by status, priority, client, team, service, time and a search over titles, numbers and dedup keys. */
export async function listIncidents(ctx: Ctx, query: unknown): Promise<Page<IncidentOutput>> {
  await requirePermission(ctx, "incidents:read");
  const q = parseInput(incidentListQuery, query);
  const internal = can(ctx.viewer, "incidents:read-internal");
  const filters: (SQL | undefined)[] = [scopeOf(ctx), confidentialityFilter(ctx)];
  if (q.status === "open") filters.push(ne(incidents.status, "resolved"));
  else if (q.status) filters.push(eq(incidents.status, q.status));
  if (q.priority) filters.push(eq(incidents.priority, q.priority));
  if (q.unanswered) filters.push(isNotNull(incidents.unansweredAt));
  if (q.clientId) filters.push(eq(incidents.clientId, q.clientId));
  if (q.teamId && internal) filters.push(eq(incidents.teamId, q.teamId));
  if (q.serviceId) filters.push(eq(incidents.serviceId, q.serviceId));
  if (q.since) filters.push(gte(incidents.triggeredAt, new Date(q.since)));
  if (q.until) filters.push(lt(incidents.triggeredAt, new Date(q.until)));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const number = /^#?(\d{1,9})$/.exec(q.q)?.[1];
    const byKey = internal ? sql`exists (select 1 from ${alerts} where ${alerts.incidentId} = ${incidents.id} and ${alerts.dedupKey} = ${q.q})` : undefined;
    filters.push(or(ilike(incidents.title, like), ilike(services.name, like), number ? eq(incidents.number, Number(number)) : undefined, byKey));
  }
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor);
    const when = new Date(at);
    if (Number.isNaN(when.getTime())) throw InvalidError.field("cursor", "Not a cursor this API returned");
    filters.push(sql`(${incidents.triggeredAt}, ${incidents.id}) < (${when.toISOString()}::timestamptz, ${id})`);
  }
  const rows = await baseSelect(ctx.db)
    .where(and(...filters))
    .orderBy(desc(incidents.triggeredAt), desc(incidents.id))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  for (const r of page) if (r.incident.confidential) await auditConfidentialRead(ctx.db, ctx, r.incident, "list");
  return { data: page.map((r) => toOutput(r, internal)), nextCursor: more && last ? encodeCursor([last.incident.triggeredAt.toISOString(), last.incident.id]) : null };
}

/**
 * The incident row if the viewer may read it; another client's incident, or a confidential one
 * the viewer has no need to know (lib/incidents/visibility.ts), is "not found" and the denial is
 * audited; a confidential read is audited too. Call it before opening a transaction.
 */
export async function requireIncidentVisible(ctx: Ctx, incidentId: string, via = "read") {
  await requirePermission(ctx, "incidents:read", { type: "incident", id: incidentId });
  const [row] = await ctx.db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!row) throw new NotFoundError("Incident");
  if (!canSeeClient(ctx.viewer, row.clientId) && !(can(ctx.viewer, "incidents:read-internal") && (await wasPaged(ctx.db, incidentId, ctx.viewer.userId)))) {
    await recordAudit(ctx.db, ctx, { action: "access.denied", targetType: "incident", targetId: incidentId, details: { reason: "out of scope" } });
    throw new NotFoundError("Incident");
  }
  if (row.confidential) {
    if (!(await mayReadIncident(ctx.db, ctx, row))) {
      await recordAudit(ctx.db, ctx, { action: "access.denied", targetType: "incident", targetId: incidentId, clientId: row.clientId, details: { reason: "confidential" } });
      throw new NotFoundError("Incident");
    }
    await auditConfidentialRead(ctx.db, ctx, row, via);
  }
  return row;
}

function toAlertOutput(a: typeof alerts.$inferSelect): AlertOutput {
  return {
    id: a.id,
    dedupKey: a.dedupKey,
    status: a.status,
    source: a.source,
    summary: a.summary,
    severity: a.severity,
    eventSource: a.eventSource,
    component: a.component,
    group: a.group,
    class: a.class,
    customDetails: a.customDetails,
    links: a.links,
    images: a.images,
    senderName: a.senderName,
    senderUrl: a.senderUrl,
    priorityRule: a.priorityRule ?? null,
    eventCount: a.eventCount,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
  };
}

export async function getIncident(ctx: Ctx, incidentId: string): Promise<IncidentDetailOutput> {
  await requireIncidentVisible(ctx, incidentId, "detail");
  const internal = can(ctx.viewer, "incidents:read-internal");
  const [row] = await baseSelect(ctx.db).where(eq(incidents.id, incidentId));
  if (!row) throw new NotFoundError("Incident");
  const [alert] = internal ? await ctx.db.select().from(alerts).where(eq(alerts.incidentId, incidentId)).limit(1) : [];
  return { ...toOutput(row, internal), alert: alert ? toAlertOutput(alert) : null };
}

/** Oldest first. Stakeholders see status changes only, not notes or the raw receipts. */
export async function listIncidentTimeline(ctx: Ctx, incidentId: string): Promise<TimelineEntryOutput[]> {
  await requireIncidentVisible(ctx, incidentId, "timeline");
  const internal = can(ctx.viewer, "incidents:read-internal");
  const rows = await ctx.db
    .select()
    .from(incidentTimeline)
    .where(and(eq(incidentTimeline.incidentId, incidentId), internal ? undefined : eq(incidentTimeline.internal, false)))
    .orderBy(asc(incidentTimeline.at), asc(incidentTimeline.id))
    .limit(2000);
  // Stakeholders see who acted, not which key or whose user id.
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    actor: internal ? { type: r.actorType, id: r.actorId, label: r.actorLabel } : { type: r.actorType, id: null, label: publicActorLabel(r.actorLabel) },
    message: r.message,
    details: internal ? r.details : {},
    internal: r.internal,
  }));
}

/** The raw events behind the incident (newest first), with their payloads: internal only. */
export async function listIncidentEvents(ctx: Ctx, incidentId: string, limit = 20): Promise<AlertEventOutput[]> {
  await requirePermission(ctx, "incidents:read-internal", { type: "incident", id: incidentId });
  await requireIncidentVisible(ctx, incidentId, "events");
  const rows = await ctx.db
    .select({ e: alertEvents })
    .from(alertEvents)
    .innerJoin(alerts, eq(alerts.id, alertEvents.alertId))
    .where(eq(alerts.incidentId, incidentId))
    .orderBy(desc(alertEvents.receivedAt), desc(alertEvents.id))
    .limit(limit);
  return rows.map(({ e }) => ({ id: e.id, receivedAt: e.receivedAt.toISOString(), source: e.source, action: e.action, outcome: e.outcome, dedupKey: e.dedupKey, payload: e.payload }));
}
