import { and, eq, ne } from "drizzle-orm";
import { incidentParticipants, incidents } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { SEES_EVERY_CONFIDENTIAL_INCIDENT } from "@/lib/incidents/visibility";
import { parseInput } from "@/lib/validation";
import { appendTimeline, requireIncidentManager } from "./incident-manager";
import { setConfidentialInput } from "./schemas";

/**
 * Marks the incident confidential (need-to-know) or opens it again; the incident manager or a
 * manager decides, and it is audited. Whoever marks it stays able to see it: if they are not a
 * manager they are recorded as its incident manager.
 */
export async function setConfidential({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ incidentId: string; confidential: boolean }> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(setConfidentialInput, input);
  const incident = await requireIncidentVisible(ctx, data.incidentId, "set_confidential");
  await requireIncidentManager(ctx.db, ctx, incident.id);
  return ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(incidents)
      .set({ confidential: data.confidential, updatedAt: ctx.now })
      .where(and(eq(incidents.id, incident.id), ne(incidents.confidential, data.confidential)))
      .returning({ id: incidents.id });
    if (!changed) return { incidentId: incident.id, confidential: data.confidential };
    if (data.confidential && !SEES_EVERY_CONFIDENTIAL_INCIDENT.includes(ctx.viewer.role))
      await tx.insert(incidentParticipants).values({ incidentId: incident.id, userId: ctx.viewer.userId, role: "incident_manager", joinedAt: ctx.now }).onConflictDoNothing();
    await appendTimeline(tx, ctx, incident.id, {
      kind: "confidentiality",
      message: data.confidential ? "Marked confidential: only participants and incident managers can see it" : "No longer confidential",
      details: { confidential: data.confidential },
    });
    await recordAudit(tx, ctx, { action: data.confidential ? "incident.confidential_on" : "incident.confidential_off", targetType: "incident", targetId: incident.id, clientId: incident.clientId });
    return { incidentId: incident.id, confidential: data.confidential };
  });
}
