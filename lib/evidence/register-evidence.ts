import { createHash } from "node:crypto";
import { evidenceCustody, evidenceItems, incidentTimeline } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { InvalidError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { parseInput } from "@/lib/validation";
import { evidenceWithCustody } from "./evidence-output";
import { registerEvidenceInput, type EvidenceOutput } from "./schemas";

export type EvidenceUpload = { bytes: Uint8Array; contentType?: string | null };

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** "10 MiB" for the limit in error messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** Refuses an upload over EVIDENCE_MAX_BYTES before anything is read into the database. */
export function assertUploadSize(size: number, field = "file"): void {
  const max = env().EVIDENCE_MAX_BYTES;
  if (size > max) throw InvalidError.field(field, `The file is ${formatBytes(size)}; uploads are limited to ${formatBytes(max)} (EVIDENCE_MAX_BYTES). Register it as kept elsewhere with its SHA-256 instead.`);
}

/**
 * Registers a piece of evidence: with an upload the SHA-256 is computed here and the bytes kept
 * in the database; without one the collector's SHA-256 is recorded and the location says where it
 * is. The first custody row (collector → where it is held) and an internal timeline row go with it.
 */
export async function registerEvidence({ ctx, input, upload }: { ctx: Ctx; input: unknown; upload?: EvidenceUpload | null }): Promise<EvidenceOutput> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  await requirePermission(ctx, "incidents:read-internal", { type: "incident" });
  const data = parseInput(registerEvidenceInput, input);
  const incident = await requireIncidentVisible(ctx, data.incidentId);
  const bytes = upload && upload.bytes.byteLength > 0 ? upload.bytes : null;
  if (bytes) assertUploadSize(bytes.byteLength);
  let sha256: string;
  if (bytes) {
    sha256 = sha256Hex(bytes);
    if (data.sha256 && data.sha256 !== sha256) throw InvalidError.field("sha256", `The uploaded file's SHA-256 is ${sha256}, not the one entered`);
  } else if (data.sha256) {
    sha256 = data.sha256;
    if (!data.location) throw InvalidError.field("location", "Say where evidence kept outside Baton is held");
  } else {
    throw InvalidError.field("sha256", "Upload the file or enter its SHA-256");
  }
  const collector = ctx.viewer.name || ctx.viewer.email;
  const heldBy = data.heldBy || data.location || collector;
  const collectedAt = data.collectedAt ? new Date(data.collectedAt) : ctx.now;
  const id = await ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .insert(evidenceItems)
      .values({
        incidentId: incident.id,
        name: data.name,
        description: data.description,
        location: data.location,
        method: data.method,
        collectedBy: ctx.viewer.userId,
        collectedAt,
        sha256,
        size: bytes ? bytes.byteLength : null,
        contentType: bytes ? upload?.contentType || "application/octet-stream" : null,
        content: bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null,
        createdBy: ctx.viewer.userId,
        createdAt: ctx.now,
      })
      .returning({ id: evidenceItems.id });
    await tx.insert(evidenceCustody).values({ evidenceId: item!.id, at: collectedAt, fromLabel: collector, toLabel: heldBy, purpose: "Collected", recordedBy: ctx.viewer.userId });
    await tx.insert(incidentTimeline).values({
      incidentId: incident.id,
      at: ctx.now,
      kind: "evidence",
      actorType: "user",
      actorId: ctx.viewer.userId,
      actorLabel: collector,
      message: `Evidence registered: ${data.name} (SHA-256 ${sha256.slice(0, 12)}…${bytes ? `, ${formatBytes(bytes.byteLength)} stored` : `, kept at ${data.location}`})`,
      details: { evidenceId: item!.id, sha256 },
      internal: true,
    });
    await recordAudit(tx, ctx, { action: "evidence.register", targetType: "evidence", targetId: item!.id, clientId: incident.clientId, details: { incidentId: incident.id, sha256, stored: !!bytes } });
    return item!.id;
  });
  const [out] = await evidenceWithCustody(ctx.db, { evidenceId: id });
  return out!;
}
