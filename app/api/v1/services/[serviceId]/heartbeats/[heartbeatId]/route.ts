import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteHeartbeat } from "@/lib/services/heartbeats";

export const DELETE = apiRoute(contracts.deleteHeartbeat, async (ctx, { params }) => {
  await deleteHeartbeat({ ctx, input: { serviceId: params.serviceId, heartbeatId: params.heartbeatId } });
});
