import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { endMaintenanceWindow } from "@/lib/services/maintenance-windows";

export const DELETE = apiRoute(contracts.endMaintenanceWindow, async (ctx, { params }) => {
  await endMaintenanceWindow({ ctx, input: { serviceId: params.serviceId, windowId: params.windowId } });
});
