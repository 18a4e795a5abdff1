import { contracts } from "@/lib/api/contracts";
import { deleteTemplate, updateTemplate } from "@/lib/communications/save-template";
import { apiRoute } from "@/lib/http/api-route";

export const PATCH = apiRoute(contracts.updateMessageTemplate, async (ctx, { params, body }) => ({ data: await updateTemplate({ ctx, input: { ...(body as object), templateId: params.templateId } }) }));
export const DELETE = apiRoute(contracts.deleteMessageTemplate, async (ctx, { params }) => {
  await deleteTemplate({ ctx, input: params });
});
