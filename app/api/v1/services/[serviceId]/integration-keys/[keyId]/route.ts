import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { revokeIntegrationKey } from "@/lib/services/integration-keys";

export const DELETE = apiRoute(contracts.revokeIntegrationKey, async (ctx, { params }) => {
  await revokeIntegrationKey({ ctx, input: { serviceId: params.serviceId, keyId: params.keyId } });
});
