import { incidentStatusUpdates } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { parseInput } from "@/lib/validation";
import { appendTimeline } from "./incident-manager";
import { postStatusUpdateInput, STATUS_PHASE_LABELS, type StatusUpdateOutput } from "./schemas";

/**
 * A status update (investigating, identified, monitoring, resolved) with a message. It is public:
 * its timeline row is shown to the client's stakeholders. It does not resolve the incident.
 */
export async function postStatusUpdate({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<StatusUpdateOutput> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(postStatusUpdateInput, input);
  const incident = await requireIncidentVisible(ctx, data.incidentId, "status_update");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(incidentStatusUpdates).values({ incidentId: incident.id, phase: data.phase, message: data.message, authorId: ctx.viewer.userId, at: ctx.now }).returning();
    await appendTimeline(tx, ctx, incident.id, { kind: "status_update", message: `${STATUS_PHASE_LABELS[data.phase]}: ${data.message}`, details: { statusUpdateId: row!.id, phase: data.phase }, internal: false });
    await recordAudit(tx, ctx, { action: "incident.status_update", targetType: "incident", targetId: incident.id, clientId: incident.clientId, details: { phase: data.phase } });
    return { id: row!.id, phase: row!.phase, message: row!.message, author: { id: ctx.viewer.userId, name: ctx.viewer.name || ctx.viewer.email }, at: row!.at.toISOString() };
  });
}
