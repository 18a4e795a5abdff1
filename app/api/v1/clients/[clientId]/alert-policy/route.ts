import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { setClientAlertPolicy } from "@/lib/services/priority-rules";
import { getClientAlertPolicy } from "@/lib/services/read-services";

export const GET = apiRoute(contracts.getClientAlertPolicy, async (ctx, { params }) => ({ data: await getClientAlertPolicy(ctx, params.clientId) }));
export const PATCH = apiRoute(contracts.setClientAlertPolicy, async (ctx, { params, body }) => ({ data: await setClientAlertPolicy({ ctx, input: { ...(body as object), clientId: params.clientId } }) }));
