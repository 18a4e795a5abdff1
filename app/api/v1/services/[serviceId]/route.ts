import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteService } from "@/lib/services/delete-service";
import { getService } from "@/lib/services/read-services";
import { updateService } from "@/lib/services/update-service";

export const GET = apiRoute(contracts.getService, async (ctx, { params }) => ({ data: await getService(ctx, params.serviceId) }));
export const PATCH = apiRoute(contracts.updateService, async (ctx, { params, body }) => ({ data: await updateService({ ctx, input: { ...(body as object), serviceId: params.serviceId } }) }));
export const DELETE = apiRoute(contracts.deleteService, (ctx, { params }) => deleteService({ ctx, input: { serviceId: params.serviceId } }));
