import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { saveLayer } from "@/lib/schedules/save-layer";

export const POST = apiRoute(contracts.createLayer, async (ctx, { params, body }) => ({ data: await saveLayer({ ctx, input: { ...(body as object), scheduleId: params.scheduleId, layerId: undefined } }) }));
