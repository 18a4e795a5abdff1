import { contracts } from "@/lib/api/contracts";
import { previewStakeholderUpdate } from "@/lib/communications/preview-update";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(contracts.previewStakeholderUpdate, async (ctx, { params, body }) => {
  const { messages } = await previewStakeholderUpdate({ ctx, input: { ...(body as object), incidentId: params.incidentId } });
  return { data: { messages } };
});
