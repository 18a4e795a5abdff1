import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { exportPostmortemMarkdown } from "@/lib/postmortems/export-markdown";

export const GET = apiRoute(contracts.getPostmortemMarkdown, async (ctx, { params }) => {
  const { filename, markdown } = await exportPostmortemMarkdown(ctx, params.postmortemId);
  return new Response(markdown, { headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` } });
});
