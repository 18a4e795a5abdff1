import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteLayer } from "@/lib/schedules/delete-layer";
import { saveLayer } from "@/lib/schedules/save-layer";

export const PATCH = apiRoute(contracts.updateLayer, async (ctx, { params, body }) => ({ data: await saveLayer({ ctx, input: { ...(body as object), ...params } }) }));
export const DELETE = apiRoute(contracts.deleteLayer, (ctx, { params }) => deleteLayer({ ctx, input: params }));
