import { and, eq } from "drizzle-orm";
import { evidenceItems, incidentTimeline } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { BatonError, NotFoundError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { sha256Hex } from "./register-evidence";

/** The stored bytes no longer hash to the recorded SHA-256: served as a 409, never as the file. */
export class IntegrityError extends BatonError {
  constructor(name: string) {
    super("conflict", `The evidence "${name}" failed its integrity check: the stored bytes no longer match the recorded SHA-256, so it is not served.`);
  }
}

/**
 * The stored file, re-hashed before it is handed out. A mismatch is written to the timeline and
 * the audit log (the only writes a download makes) and refused.
 */
export async function downloadEvidence(ctx: Ctx, incidentId: string, evidenceId: string): Promise<{ name: string; contentType: string; sha256: string; bytes: Uint8Array }> {
  await requirePermission(ctx, "incidents:read-internal", { type: "evidence", id: evidenceId });
  const incident = await requireIncidentVisible(ctx, incidentId);
  const [item] = await ctx.db
    .select()
    .from(evidenceItems)
    .where(and(eq(evidenceItems.id, evidenceId), eq(evidenceItems.incidentId, incident.id)));
  if (!item) throw new NotFoundError("Evidence");
  if (!item.content) throw new NotFoundError(`The file of "${item.name}" is kept outside Baton (${item.location || "see its location"}); it`);
  const bytes = new Uint8Array(item.content);
  const actual = sha256Hex(bytes);
  if (actual !== item.sha256) {
    const label = ctx.viewer.name || ctx.viewer.email;
    await ctx.db.transaction(async (tx) => {
      await tx.insert(incidentTimeline).values({
        incidentId: incident.id,
        at: ctx.now,
        kind: "evidence",
        actorType: "user",
        actorId: ctx.viewer.userId,
        actorLabel: label,
        message: `Integrity check failed for ${item.name}: stored bytes hash to ${actual.slice(0, 12)}…, recorded ${item.sha256.slice(0, 12)}…; download refused`,
        details: { evidenceId: item.id, expected: item.sha256, actual },
        internal: true,
      });
      await recordAudit(tx, ctx, { action: "evidence.integrity_failed", targetType: "evidence", targetId: item.id, clientId: incident.clientId, details: { expected: item.sha256, actual } });
    });
    throw new IntegrityError(item.name);
  }
  await recordAudit(ctx.db, ctx, { action: "evidence.download", targetType: "evidence", targetId: item.id, clientId: incident.clientId });
  return { name: item.name, contentType: item.contentType ?? "application/octet-stream", sha256: item.sha256, bytes };
}
