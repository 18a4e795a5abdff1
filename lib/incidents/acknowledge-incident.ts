import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { alerts, incidents, incidentTimeline, notifications } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError } from "@/lib/errors";
import { incidentAnswered } from "@/lib/escalations/signals";
import { parseInput } from "@/lib/validation";
import { getIncident, requireIncidentVisible } from "./read-incidents";
import { incidentIdInput } from "./schemas";

export type Responder = { userId: string; label: string };

/**
 * Acknowledge: a conditional UPDATE … WHERE status = 'triggered' first (false: someone got there
 * first), then in the same transaction the alert (so later triggers with its dedup key page
 * nobody), the pages not yet sent (cancelled), the unanswered mark (cleared) and the timeline.
 * The escalation learns it from the incident row, which its steps lock and re-read.
 */
export async function applyAcknowledge(tx: Queryable, incidentId: string, by: Responder, now: Date, via: string | null = null): Promise<boolean> {
  const [row] = await tx
    .update(incidents)
    .set({ status: "acknowledged", acknowledgedAt: now, acknowledgedBy: by.userId, unansweredAt: null, updatedAt: now })
    .where(and(eq(incidents.id, incidentId), eq(incidents.status, "triggered")))
    .returning({ id: incidents.id });
  if (!row) return false;
  await tx.update(alerts).set({ status: "acknowledged", acknowledgedAt: now }).where(and(eq(alerts.incidentId, incidentId), eq(alerts.status, "triggered")));
  await tx.update(notifications).set({ state: "cancelled", dueAt: null }).where(and(eq(notifications.incidentId, incidentId), eq(notifications.state, "pending"), eq(notifications.kind, "page")));
  await tx.insert(incidentTimeline).values({ incidentId, at: now, kind: "acknowledged", actorType: "user", actorId: by.userId, actorLabel: by.label, message: `Acknowledged by ${by.label}${via ? ` (${via})` : ""}`, details: via ? { via } : {}, internal: false });
  return true;
}

export async function acknowledgeIncident({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const { incidentId } = parseInput(incidentIdInput, input);
  const incident = await requireIncidentVisible(ctx, incidentId);
  await ctx.db.transaction(async (tx) => {
    const done = await applyAcknowledge(tx, incidentId, { userId: ctx.viewer.userId, label: ctx.viewer.name || ctx.viewer.email }, ctx.now);
    if (!done) throw new ConflictError(incident.status === "resolved" ? "This incident is already resolved." : "This incident is already acknowledged.");
    await recordAudit(tx, ctx, { action: "incident.acknowledge", targetType: "incident", targetId: incidentId, clientId: incident.clientId });
  });
  await incidentAnswered(incidentId, "acknowledged");
  return getIncident(ctx, incidentId);
}
