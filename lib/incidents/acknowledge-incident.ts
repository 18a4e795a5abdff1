import { and, eq } from "drizzle-orm";
import { alerts, incidents, incidentTimeline } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getIncident, requireIncidentVisible } from "./read-incidents";
import { incidentIdInput } from "./schemas";

/**
 * Acknowledge: a conditional UPDATE … WHERE status = 'triggered' first (no row: someone got
 * there first, 409), the alert follows so later triggers with its dedup key page nobody, and
 * the timeline row goes in the same transaction.
 */
export async function acknowledgeIncident({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const { incidentId } = parseInput(incidentIdInput, input);
  const incident = await requireIncidentVisible(ctx, incidentId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(incidents)
      .set({ status: "acknowledged", acknowledgedAt: ctx.now, acknowledgedBy: ctx.viewer.userId, updatedAt: ctx.now })
      .where(and(eq(incidents.id, incidentId), eq(incidents.status, "triggered")))
      .returning({ id: incidents.id });
    if (!row) throw new ConflictError(incident.status === "resolved" ? "This incident is already resolved." : "This incident is already acknowledged.");
    await tx.update(alerts).set({ status: "acknowledged", acknowledgedAt: ctx.now }).where(and(eq(alerts.incidentId, incidentId), eq(alerts.status, "triggered")));
    await tx.insert(incidentTimeline).values({ incidentId, at: ctx.now, kind: "acknowledged", actorType: "user", actorId: ctx.viewer.userId, actorLabel: ctx.viewer.name || ctx.viewer.email, message: `Acknowledged by ${ctx.viewer.name || ctx.viewer.email}`, internal: false });
    await recordAudit(tx, ctx, { action: "incident.acknowledge", targetType: "incident", targetId: incidentId, clientId: incident.clientId });
  });
  return getIncident(ctx, incidentId);
}
