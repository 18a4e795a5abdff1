import { and, eq, isNull, max } from "drizzle-orm";
import { incidentChecklistItems, incidents, incidentTypes } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { InvalidError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { parseInput } from "@/lib/validation";
import { appendTimeline } from "./incident-manager";
import { checklistOf } from "./list-checklist";
import { setIncidentTypeInput, type ChecklistOutput } from "./schemas";

/**
 * Sets (or clears) the incident's type. The type's template steps are copied into the incident's
 * own checklist, so later template edits do not change incidents in flight. Steps already ticked
 * stay (they happened); unticked steps of the previous type are replaced.
 */
export async function setIncidentType({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ChecklistOutput> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(setIncidentTypeInput, input);
  const incident = await requireIncidentVisible(ctx, data.incidentId, "set_type");
  const [type] = data.typeId ? await ctx.db.select().from(incidentTypes).where(eq(incidentTypes.id, data.typeId)) : [null];
  if (data.typeId && !type) throw InvalidError.field("typeId", "No such incident type");
  return ctx.db.transaction(async (tx) => {
    await tx.update(incidents).set({ typeId: type?.id ?? null, updatedAt: ctx.now }).where(eq(incidents.id, incident.id));
    await tx.delete(incidentChecklistItems).where(and(eq(incidentChecklistItems.incidentId, incident.id), isNull(incidentChecklistItems.doneAt)));
    if (type) {
      const [{ last } = { last: null }] = await tx.select({ last: max(incidentChecklistItems.position) }).from(incidentChecklistItems).where(eq(incidentChecklistItems.incidentId, incident.id));
      const start = (last ?? -1) + 1;
      if (type.steps.length)
        await tx.insert(incidentChecklistItems).values(type.steps.map((s, i) => ({ incidentId: incident.id, position: start + i, section: s.section ?? "", title: s.title, detail: s.detail ?? "" })));
    }
    await appendTimeline(tx, ctx, incident.id, {
      kind: "type_set",
      message: type ? `Type set to ${type.name} (${type.steps.length} checklist steps)` : "Type cleared",
      details: { typeId: type?.id ?? null },
    });
    await recordAudit(tx, ctx, { action: "incident.set_type", targetType: "incident", targetId: incident.id, clientId: incident.clientId, details: { typeId: type?.id ?? null } });
    return checklistOf(tx, incident.id);
  });
}
