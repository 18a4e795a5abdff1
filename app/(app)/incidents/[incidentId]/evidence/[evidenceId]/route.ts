import { NextResponse, type NextRequest } from "next/server";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { BatonError } from "@/lib/errors";
import { downloadEvidence } from "@/lib/evidence/download-evidence";
import { evidenceFileResponse } from "@/lib/evidence/evidence-file-response";

/** The panel's download link: the verified file, or back to the incident with the integrity error. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ incidentId: string; evidenceId: string }> }) {
  const { incidentId, evidenceId } = await params;
  const ctx = await requireSessionCtx();
  try {
    return evidenceFileResponse(await downloadEvidence(ctx, incidentId, evidenceId));
  } catch (e) {
    if (!(e instanceof BatonError)) throw e;
    const back = new URL(`/incidents/${encodeURIComponent(incidentId)}`, req.nextUrl);
    back.searchParams.set("error", e.message);
    return NextResponse.redirect(back, 303);
  }
}
