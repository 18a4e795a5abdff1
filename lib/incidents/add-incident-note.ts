import { incidentTimeline } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { requireIncidentVisible } from "./read-incidents";
import { addIncidentNoteInput, type TimelineEntryOutput } from "./schemas";

/** An internal note on the timeline (never shown to stakeholders). */
export async function addIncidentNote({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<TimelineEntryOutput> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(addIncidentNoteInput, input);
  const incident = await requireIncidentVisible(ctx, data.incidentId);
  return ctx.db.transaction(async (tx) => {
    const label = ctx.viewer.name || ctx.viewer.email;
    const [row] = await tx
      .insert(incidentTimeline)
      .values({ incidentId: incident.id, at: ctx.now, kind: "note", actorType: "user", actorId: ctx.viewer.userId, actorLabel: label, message: data.body, internal: true })
      .returning();
    await recordAudit(tx, ctx, { action: "incident.note", targetType: "incident", targetId: incident.id, clientId: incident.clientId });
    return { id: row!.id, at: row!.at.toISOString(), kind: row!.kind, actor: { type: row!.actorType, id: row!.actorId, label: row!.actorLabel }, message: row!.message, details: row!.details, internal: row!.internal };
  });
}
