import { contracts } from "@/lib/api/contracts";
import { deleteTemplate } from "@/lib/communications/delete-template";
import { updateTemplate } from "@/lib/communications/update-template";
import { apiRoute } from "@/lib/http/api-route";

export const PATCH = apiRoute(contracts.updateMessageTemplate, async (ctx, { params, body }) => ({ data: await updateTemplate({ ctx, input: { ...(body as object), templateId: params.templateId } }) }));
export const DELETE = apiRoute(contracts.deleteMessageTemplate, async (ctx, { params }) => {
  await deleteTemplate({ ctx, input: params });
});
