import { and, asc, count, desc, eq, gt, inArray, isNull, lte, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { alerts, clientAlertPolicies, clients, escalationPolicies, heartbeatMonitors, incidents, integrationKeys, maintenanceWindows, priorityRules, services, teams } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import { afterCursor, toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import { requireClientExists } from "@/lib/clients/read-clients";
import type { Ctx } from "@/lib/context";
import type { ClientAlertPolicyOutput, HeartbeatOutput, IntegrationKeyOutput, MaintenanceWindowOutput, PriorityRuleOutput, ServiceDetailOutput, ServiceOutput } from "./schemas";
import { requireServiceVisible, serviceScope } from "./service-scope";

type ServiceRow = typeof services.$inferSelect;

export const toKeyOutput = (k: typeof integrationKeys.$inferSelect): IntegrationKeyOutput => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});
export const toRuleOutput = (r: typeof priorityRules.$inferSelect): PriorityRuleOutput => ({ id: r.id, name: r.name, position: r.position, conditions: r.conditions, priority: r.priority });
export const toWindowOutput = (w: typeof maintenanceWindows.$inferSelect): MaintenanceWindowOutput => ({
  id: w.id,
  startsAt: w.startsAt.toISOString(),
  endsAt: w.endsAt.toISOString(),
  reason: w.reason,
  createdAt: w.createdAt.toISOString(),
});
export const toHeartbeatOutput = (h: typeof heartbeatMonitors.$inferSelect): HeartbeatOutput => ({
  id: h.id,
  name: h.name,
  intervalMinutes: Math.round(h.intervalSeconds / 60),
  graceMinutes: Math.round(h.graceSeconds / 60),
  state: h.state,
  lastPingAt: h.lastPingAt?.toISOString() ?? null,
  dueAt: h.dueAt.toISOString(),
  prefix: h.prefix,
});

async function expand(db: Queryable, rows: ServiceRow[], now: Date): Promise<ServiceOutput[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const policyIds = [...new Set(rows.flatMap((r) => (r.escalationPolicyId ? [r.escalationPolicyId] : [])))];
  const [clientRows, teamRows, keyCounts, openCounts, maintenance, policyRows] = await Promise.all([
    db.select({ id: clients.id, name: clients.name }).from(clients).where(inArray(clients.id, [...new Set(rows.map((r) => r.clientId))])),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, [...new Set(rows.map((r) => r.teamId))])),
    db.select({ serviceId: integrationKeys.serviceId, n: count() }).from(integrationKeys).where(and(inArray(integrationKeys.serviceId, ids), isNull(integrationKeys.revokedAt))).groupBy(integrationKeys.serviceId),
    db.select({ serviceId: incidents.serviceId, n: count() }).from(incidents).where(and(inArray(incidents.serviceId, ids), ne(incidents.status, "resolved"))).groupBy(incidents.serviceId),
    db.select({ serviceId: maintenanceWindows.serviceId }).from(maintenanceWindows).where(and(inArray(maintenanceWindows.serviceId, ids), lte(maintenanceWindows.startsAt, now), gt(maintenanceWindows.endsAt, now))),
    policyIds.length ? db.select({ id: escalationPolicies.id, name: escalationPolicies.name }).from(escalationPolicies).where(inArray(escalationPolicies.id, policyIds)) : [],
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    client: clientRows.find((c) => c.id === r.clientId) ?? { id: r.clientId, name: "?" },
    team: teamRows.find((t) => t.id === r.teamId) ?? { id: r.teamId, name: "?" },
    escalationPolicyId: r.escalationPolicyId,
    escalationPolicy: policyRows.find((p) => p.id === r.escalationPolicyId) ?? null,
    emailRules: r.emailRules,
    activeKeys: keyCounts.find((k) => k.serviceId === r.id)?.n ?? 0,
    openIncidents: openCounts.find((k) => k.serviceId === r.id)?.n ?? 0,
    inMaintenance: maintenance.some((m) => m.serviceId === r.id),
    createdAt: r.createdAt.toISOString(),
  }));
}

export type ServiceListQuery = PageQuery & { clientId?: string; teamId?: string };

/** Services of the clients the viewer may see, by name. */
export async function listServices(ctx: Ctx, query: ServiceListQuery): Promise<Page<ServiceOutput>> {
  await requirePermission(ctx, "services:read");
  const scope = serviceScope(ctx.viewer);
  const rows = await ctx.db
    .select()
    .from(services)
    .where(and(scope, query.clientId ? eq(services.clientId, query.clientId) : undefined, query.teamId ? eq(services.teamId, query.teamId) : undefined, afterCursor(query.cursor, services.name, services.id)))
    .orderBy(asc(services.name), asc(services.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.name, r.id], (r) => r);
  return { data: await expand(ctx.db, page.data, ctx.now), nextCursor: page.nextCursor };
}

export async function getService(ctx: Ctx, serviceId: string): Promise<ServiceDetailOutput> {
  const row = await requireServiceVisible(ctx, serviceId, "services:read");
  const [base] = await expand(ctx.db, [row], ctx.now);
  const [keys, rules, windows, beats] = await Promise.all([
    ctx.db.select().from(integrationKeys).where(eq(integrationKeys.serviceId, serviceId)).orderBy(desc(integrationKeys.createdAt)),
    ctx.db.select().from(priorityRules).where(eq(priorityRules.serviceId, serviceId)).orderBy(asc(priorityRules.position)),
    ctx.db.select().from(maintenanceWindows).where(and(eq(maintenanceWindows.serviceId, serviceId), gt(maintenanceWindows.endsAt, ctx.now))).orderBy(asc(maintenanceWindows.startsAt)),
    ctx.db.select().from(heartbeatMonitors).where(eq(heartbeatMonitors.serviceId, serviceId)).orderBy(asc(heartbeatMonitors.name)),
  ]);
  return { ...base!, integrationKeys: keys.map(toKeyOutput), priorityRules: rules.map(toRuleOutput), maintenanceWindows: windows.map(toWindowOutput), heartbeats: beats.map(toHeartbeatOutput) };
}

export async function listIntegrationKeys(ctx: Ctx, serviceId: string): Promise<IntegrationKeyOutput[]> {
  await requireServiceVisible(ctx, serviceId, "services:read");
  const keys = await ctx.db.select().from(integrationKeys).where(eq(integrationKeys.serviceId, serviceId)).orderBy(desc(integrationKeys.createdAt));
  return keys.map(toKeyOutput);
}

/** A client's own priority rules and low-priority mode (stakeholders may not read them). */
export async function getClientAlertPolicy(ctx: Ctx, clientId: string): Promise<ClientAlertPolicyOutput> {
  await requirePermission(ctx, "services:read", { type: "client", id: clientId });
  await requireClientVisible(ctx, clientId);
  await requireClientExists(ctx.db, clientId);
  const [policy] = await ctx.db.select().from(clientAlertPolicies).where(eq(clientAlertPolicies.clientId, clientId));
  const rules = await ctx.db.select().from(priorityRules).where(eq(priorityRules.clientId, clientId)).orderBy(asc(priorityRules.position));
  return { clientId, lowPriority: policy?.lowPriority ?? "page", rules: rules.map(toRuleOutput) };
}

/** The service's latest alerts, including those recorded without paging (maintenance, record-only). */
export async function listServiceAlerts(ctx: Ctx, serviceId: string, limit = 20) {
  await requireServiceVisible(ctx, serviceId, "services:read");
  const rows = await ctx.db.select().from(alerts).where(eq(alerts.serviceId, serviceId)).orderBy(desc(alerts.lastSeenAt)).limit(limit);
  return rows.map((a) => ({
    id: a.id,
    summary: a.summary,
    status: a.status,
    priority: a.priority,
    source: a.source,
    dedupKey: a.dedupKey,
    eventCount: a.eventCount,
    lastSeenAt: a.lastSeenAt.toISOString(),
    incidentId: a.incidentId,
    suppressedReason: a.suppressedReason,
  }));
}
