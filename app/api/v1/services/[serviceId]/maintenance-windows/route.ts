import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createMaintenanceWindow } from "@/lib/services/maintenance-windows";
import { getService } from "@/lib/services/read-services";

export const GET = apiRoute(contracts.listMaintenanceWindows, async (ctx, { params }) => ({ data: (await getService(ctx, params.serviceId)).maintenanceWindows, nextCursor: null }));
export const POST = apiRoute(contracts.createMaintenanceWindow, async (ctx, { params, body }) => ({ data: await createMaintenanceWindow({ ctx, input: { ...(body as object), serviceId: params.serviceId } }) }));
