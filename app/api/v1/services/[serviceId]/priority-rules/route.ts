import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { setServicePriorityRules } from "@/lib/services/priority-rules";
import { getService } from "@/lib/services/read-services";

export const GET = apiRoute(contracts.getServicePriorityRules, async (ctx, { params }) => ({ data: (await getService(ctx, params.serviceId)).priorityRules, nextCursor: null }));
export const PATCH = apiRoute(contracts.setServicePriorityRules, async (ctx, { params, body }) => ({
  data: await setServicePriorityRules({ ctx, input: { ...(body as object), serviceId: params.serviceId } }),
  nextCursor: null,
}));
