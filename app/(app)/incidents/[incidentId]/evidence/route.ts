import { NextResponse, type NextRequest } from "next/server";
import { isSameOriginRequest } from "@/lib/auth/authenticate-session";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { isoInstantOfLocalDateTime } from "@/lib/core/time";
import { env } from "@/lib/env";
import { BatonError, ForbiddenError, InvalidError } from "@/lib/errors";
import { assertUploadSize, registerEvidence, type EvidenceUpload } from "@/lib/evidence/register-evidence";

/**
 * The evidence panel's form posts here (a route handler, not a server action, so an upload up to
 * EVIDENCE_MAX_BYTES isn't cut at the server-action body limit); back to the incident page after.
 */
export async function POST(req: NextRequest, { params }: { params: Promise<{ incidentId: string }> }) {
  const { incidentId } = await params;
  const back = new URL(`/incidents/${encodeURIComponent(incidentId)}`, req.nextUrl);
  try {
    if (!isSameOriginRequest(req.headers, req.nextUrl)) throw new ForbiddenError("Cross-site requests are refused.");
    const ctx = await requireSessionCtx();
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > env().EVIDENCE_MAX_BYTES + 64 * 1024) assertUploadSize(declared - 64 * 1024);
    const form = await req.formData().catch(() => {
      throw InvalidError.field("file", "The form could not be read");
    });
    const input: Record<string, string> = {};
    let upload: EvidenceUpload | null = null;
    for (const [k, v] of form.entries()) {
      if (k === "file" && typeof v !== "string") upload = v.size > 0 ? { bytes: new Uint8Array(await v.arrayBuffer()), contentType: v.type || null } : null;
      else if (typeof v === "string" && v !== "") input[k] = v;
    }
    if (input.collectedAt) input.collectedAt = isoInstantOfLocalDateTime(input.collectedAt, ctx.viewer.timeZone) ?? input.collectedAt;
    await registerEvidence({ ctx, input: { ...input, incidentId }, upload });
    back.hash = "evidence";
  } catch (e) {
    if (!(e instanceof BatonError)) throw e;
    back.searchParams.set("error", e.message);
  }
  return NextResponse.redirect(back, 303);
}
