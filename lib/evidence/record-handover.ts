import { and, desc, eq } from "drizzle-orm";
import { evidenceCustody, evidenceItems, incidentTimeline } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { parseInput } from "@/lib/validation";
import { evidenceWithCustody } from "./evidence-output";
import { recordHandoverInput, type EvidenceOutput } from "./schemas";

/** Appends a handover to the chain of custody (rows are never edited: a trigger refuses it). */
export async function recordHandover({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<EvidenceOutput> {
  await requirePermission(ctx, "incidents:respond", { type: "evidence" });
  await requirePermission(ctx, "incidents:read-internal", { type: "evidence" });
  const data = parseInput(recordHandoverInput, input);
  // A handover is recorded as it happens or after: a minute's grace for clocks, never ahead.
  if (data.at && Date.parse(data.at) > ctx.now.getTime() + 60_000) throw InvalidError.field("at", "Can't be in the future");
  const incident = await requireIncidentVisible(ctx, data.incidentId);
  const label = ctx.viewer.name || ctx.viewer.email;
  await ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: evidenceItems.id, name: evidenceItems.name })
      .from(evidenceItems)
      .where(and(eq(evidenceItems.id, data.evidenceId), eq(evidenceItems.incidentId, incident.id)))
      .for("update");
    if (!item) throw new NotFoundError("Evidence");
    const [last] = await tx.select({ to: evidenceCustody.toLabel }).from(evidenceCustody).where(eq(evidenceCustody.evidenceId, item.id)).orderBy(desc(evidenceCustody.id)).limit(1);
    const from = data.from || last?.to || label;
    await tx.insert(evidenceCustody).values({ evidenceId: item.id, at: data.at ? new Date(data.at) : ctx.now, fromLabel: from, toLabel: data.to, purpose: data.purpose, recordedBy: ctx.viewer.userId });
    await tx.insert(incidentTimeline).values({
      incidentId: incident.id,
      at: ctx.now,
      kind: "custody",
      actorType: "user",
      actorId: ctx.viewer.userId,
      actorLabel: label,
      message: `${item.name} handed over from ${from} to ${data.to}${data.purpose ? ` (${data.purpose})` : ""}`,
      details: { evidenceId: item.id },
      internal: true,
    });
    await recordAudit(tx, ctx, { action: "evidence.handover", targetType: "evidence", targetId: item.id, clientId: incident.clientId, details: { from, to: data.to } });
  });
  const [out] = await evidenceWithCustody(ctx.db, { evidenceId: data.evidenceId });
  return out!;
}
