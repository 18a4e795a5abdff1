import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { evidenceWithCustody } from "./evidence-output";
import type { EvidenceOutput } from "./schemas";

/** The incident's evidence register, oldest collection first; staff only (stakeholders never see evidence). */
export async function listEvidence(ctx: Ctx, incidentId: string): Promise<EvidenceOutput[]> {
  await requirePermission(ctx, "incidents:read-internal", { type: "incident", id: incidentId });
  const incident = await requireIncidentVisible(ctx, incidentId);
  return evidenceWithCustody(ctx.db, { incidentId: incident.id });
}
