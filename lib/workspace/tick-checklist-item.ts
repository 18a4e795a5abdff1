import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { incidentChecklistItems } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { parseInput } from "@/lib/validation";
import { appendTimeline } from "./incident-manager";
import { checklistOf } from "./list-checklist";
import { tickChecklistInput, type ChecklistItemOutput } from "./schemas";

/** Ticks (or unticks) a step: a conditional update, and a timeline row saying who and when. */
export async function tickChecklistItem({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ChecklistItemOutput> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(tickChecklistInput, input);
  const incident = await requireIncidentVisible(ctx, data.incidentId, "checklist_tick");
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(incidentChecklistItems)
      .where(and(eq(incidentChecklistItems.id, data.itemId), eq(incidentChecklistItems.incidentId, incident.id)));
    if (!item) throw new NotFoundError("Checklist step");
    const [changed] = await tx
      .update(incidentChecklistItems)
      .set(data.done ? { doneAt: ctx.now, doneBy: ctx.viewer.userId } : { doneAt: null, doneBy: null })
      .where(and(eq(incidentChecklistItems.id, item.id), data.done ? isNull(incidentChecklistItems.doneAt) : isNotNull(incidentChecklistItems.doneAt)))
      .returning();
    if (!changed) throw new ConflictError(data.done ? "That step is already ticked." : "That step is not ticked.");
    await appendTimeline(tx, ctx, incident.id, {
      kind: "checklist",
      message: data.done ? `Done: ${item.title}` : `Reopened: ${item.title}`,
      details: { itemId: item.id, done: data.done },
    });
    return (await checklistOf(tx, incident.id)).items.find((i) => i.id === item.id)!;
  });
}
