import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { alerts, clients, services } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError } from "@/lib/errors";
import { escalationStarted } from "@/lib/escalations/signals";
import { genericToIngestEvent } from "@/lib/ingest/generic";
import { ingestEvent } from "@/lib/ingest/ingest-event";
import type { IngestTarget } from "@/lib/ingest/integration-key-auth";
import { requireServiceVisible } from "@/lib/services/service-scope";
import { parseInput } from "@/lib/validation";
import { getIncident } from "./read-incidents";
import { declareIncidentInput, type DeclaredIncidentOutput } from "./schemas";

/** Where a declaration goes: the service itself, with no integration key (as a heartbeat's target). */
function serviceTarget(s: typeof services.$inferSelect): IngestTarget {
  return { keyId: null, keyPrefix: null, serviceId: s.id, serviceName: s.name, clientId: s.clientId, teamId: s.teamId, escalationPolicyId: s.escalationPolicyId, emailRules: [] };
}

/**
 * A person declares an incident by hand (a phishing report by phone). It goes through ingestion
 * like any alert — source "manual", a dedup key of its own so each declaration is a new incident —
 * so the service's and client's priority rules, business hours and escalation policy apply; the
 * person is the actor on its timeline. A medium or low one outside the client's business hours
 * waits for them like any alert. One that would only be recorded (the service is in a maintenance
 * window, or low priority is record-only for the client) is refused and nothing is written: a
 * declared incident nobody is told about would be worse than none.
 *
 * Ingestion, the refusal and the audit row share one transaction; the escalation is started after
 * it commits.
 */
export async function declareIncident({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<DeclaredIncidentOutput> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(declareIncidentInput, input);
  // Engineers see the services of the clients their teams serve (as the service pages and incidents do); others are "not found".
  const service = await requireServiceVisible(ctx, data.serviceId, "incidents:respond");
  const label = ctx.viewer.name || ctx.viewer.email;
  const event = {
    ...genericToIngestEvent({ action: "trigger", summary: data.title, details: data.details || undefined, priority: data.priority ?? undefined, dedupKey: `manual:${randomUUID()}` }),
    senderName: label,
  };
  const raw = { serviceId: service.id, title: data.title, details: data.details || null, priority: data.priority ?? null, declaredBy: { id: ctx.viewer.userId, name: label } };

  const result = await ctx.db.transaction(async (tx) => {
    const r = await ingestEvent({
      ctx: { db: tx, meta: ctx.meta, now: ctx.now, target: serviceTarget(service), source: "manual", actor: { userId: ctx.viewer.userId, label }, signalAfterCommit: true },
      input: { event, raw },
    });
    if (r.outcome !== "created") throw new Error(`declaring on service ${service.id} gave ${r.outcome}`);
    if (!r.incidentId || (r.paging !== "page" && r.paging !== "defer")) {
      // Only recorded: throwing rolls the alert back.
      const [alert] = await tx.select({ reason: alerts.suppressedReason, rule: alerts.priorityRule }).from(alerts).where(eq(alerts.id, r.alertId!));
      if (alert?.reason === "maintenance") throw new ConflictError(`${service.name} is in a maintenance window: nobody is paged for it, so no incident can be declared on it. End the window on the service's page first.`);
      const [client] = await tx.select({ name: clients.name }).from(clients).where(eq(clients.id, service.clientId));
      const clientName = client?.name ?? "this client";
      throw InvalidError.field(
        "priority",
        alert?.rule
          ? `Priority rule “${alert.rule.name}” makes this low, and low priority is record-only for ${clientName}: nobody would be paged.`
          : `Low priority is record-only for ${clientName}: nobody would be paged. Choose medium or high.`,
      );
    }
    await recordAudit(tx, ctx, {
      action: "incident.declare",
      targetType: "incident",
      targetId: r.incidentId,
      clientId: service.clientId,
      details: { serviceId: service.id, title: data.title, priority: data.priority ?? null, paging: r.paging, deferredUntil: r.deferredUntil },
    });
    return { incidentId: r.incidentId, paging: r.paging, deferredUntil: r.deferredUntil };
  });

  await escalationStarted(result.incidentId, service.id, result.deferredUntil ? new Date(result.deferredUntil) : ctx.now);
  return { ...(await getIncident(ctx, result.incidentId)), paging: result.paging };
}
