import { eq } from "drizzle-orm";
import { incidentTypes } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toIncidentTypeOutput } from "./list-incident-types";
import { updateIncidentTypeInput, type IncidentTypeOutput } from "./schemas";

/** Managers edit a type's checklist template; incidents already typed keep the steps they copied. */
export async function updateIncidentType({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<IncidentTypeOutput> {
  await requirePermission(ctx, "incidents:manage", { type: "incident_type" });
  const data = parseInput(updateIncidentTypeInput, input);
  return ctx.db.transaction(async (tx) => {
    const steps = data.steps.map((s) => ({ title: s.title, ...(s.detail ? { detail: s.detail } : {}), ...(s.section ? { section: s.section } : {}) }));
    const [row] = await tx
      .update(incidentTypes)
      .set({ steps, ...(data.description !== undefined ? { description: data.description } : {}), updatedAt: ctx.now })
      .where(eq(incidentTypes.id, data.typeId))
      .returning();
    if (!row) throw new NotFoundError("Incident type");
    await recordAudit(tx, ctx, { action: "incident_type.update", targetType: "incident_type", targetId: row.id, details: { steps: steps.length } });
    return toIncidentTypeOutput(row);
  });
}
