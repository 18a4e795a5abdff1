import { and, eq, ne } from "drizzle-orm";
import { alerts, incidents, incidentTimeline, notifications } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError } from "@/lib/errors";
import { incidentAnswered } from "@/lib/escalations/signals";
import { ensureDraftPostmortem } from "@/lib/postmortems/ensure-draft";
import { parseInput } from "@/lib/validation";
import { getIncident, requireIncidentVisible } from "./read-incidents";
import { incidentIdInput } from "./schemas";

/** Resolve (from triggered or acknowledged): the alert resolves too, so the next trigger with its dedup key opens a new one. */
export async function resolveIncident({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const { incidentId } = parseInput(incidentIdInput, input);
  const incident = await requireIncidentVisible(ctx, incidentId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(incidents)
      .set({ status: "resolved", resolvedAt: ctx.now, resolvedBy: ctx.viewer.userId, unansweredAt: null, updatedAt: ctx.now })
      .where(and(eq(incidents.id, incidentId), ne(incidents.status, "resolved")))
      .returning({ id: incidents.id });
    if (!row) throw new ConflictError("This incident is already resolved.");
    await tx.update(alerts).set({ status: "resolved", resolvedAt: ctx.now }).where(and(eq(alerts.incidentId, incidentId), ne(alerts.status, "resolved")));
    // Pages not yet sent and reminders: nothing more is sent for a resolved incident.
    await tx.update(notifications).set({ state: "cancelled", dueAt: null }).where(and(eq(notifications.incidentId, incidentId), eq(notifications.state, "pending")));
    await tx.update(notifications).set({ dueAt: null }).where(and(eq(notifications.incidentId, incidentId), ne(notifications.state, "pending")));
    await tx.insert(incidentTimeline).values({ incidentId, at: ctx.now, kind: "resolved", actorType: "user", actorId: ctx.viewer.userId, actorLabel: ctx.viewer.name || ctx.viewer.email, message: `Resolved by ${ctx.viewer.name || ctx.viewer.email}`, internal: false });
    await recordAudit(tx, ctx, { action: "incident.resolve", targetType: "incident", targetId: incidentId, clientId: incident.clientId });
  });
  await incidentAnswered(incidentId, "resolved");
  // After commit: a failure here leaves the draft to the drivers' sweep, never undoes the resolve.
  await ensureDraftPostmortem(ctx.db, incidentId, ctx.now).catch((e) => console.error("[postmortems] draft on resolve failed", e));
  return getIncident(ctx, incidentId);
}
