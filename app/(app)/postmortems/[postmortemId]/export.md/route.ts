import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { BatonError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-route";
import { exportPostmortemMarkdown } from "@/lib/postmortems/export-markdown";

/** The Markdown download for the signed-in browser (the API has GET /api/v1/postmortems/{id}/markdown). */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ postmortemId: string }> },
) {
  const ctx = await requireSessionCtx();
  try {
    const { filename, markdown } = await exportPostmortemMarkdown(
      ctx,
      (await params).postmortemId,
    );
    return new Response(markdown, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
      },
    });
  } catch (e) {
    if (e instanceof BatonError) return errorResponse(e);
    throw e;
  }
}
