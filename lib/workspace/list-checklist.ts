import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { incidentChecklistItems, incidents, incidentTypes, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import type { ChecklistItemOutput, ChecklistOutput } from "./schemas";

export async function checklistOf(db: Queryable, incidentId: string): Promise<ChecklistOutput> {
  const [type] = await db
    .select({ id: incidentTypes.id, key: incidentTypes.key, name: incidentTypes.name })
    .from(incidents)
    .innerJoin(incidentTypes, eq(incidentTypes.id, incidents.typeId))
    .where(eq(incidents.id, incidentId));
  const rows = await db
    .select({ i: incidentChecklistItems, name: users.name, email: users.email })
    .from(incidentChecklistItems)
    .leftJoin(users, eq(users.id, incidentChecklistItems.doneBy))
    .where(eq(incidentChecklistItems.incidentId, incidentId))
    .orderBy(asc(incidentChecklistItems.position));
  const items: ChecklistItemOutput[] = rows.map(({ i, name, email }) => ({
    id: i.id,
    position: i.position,
    section: i.section,
    title: i.title,
    detail: i.detail,
    doneAt: i.doneAt?.toISOString() ?? null,
    doneBy: i.doneBy ? { id: i.doneBy, name: name || email || "" } : null,
  }));
  return { type: type ?? null, items };
}

/** The incident's checklist in order, with who ticked each step and when; internal. */
export async function listChecklist(ctx: Ctx, incidentId: string): Promise<ChecklistOutput> {
  await requirePermission(ctx, "incidents:read-internal", { type: "incident", id: incidentId });
  await requireIncidentVisible(ctx, incidentId, "checklist");
  return checklistOf(ctx.db, incidentId);
}
