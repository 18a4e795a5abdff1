import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createIntegrationKey } from "@/lib/services/integration-keys";
import { listIntegrationKeys } from "@/lib/services/read-services";

export const GET = apiRoute(contracts.listIntegrationKeys, async (ctx, { params }) => ({ data: await listIntegrationKeys(ctx, params.serviceId), nextCursor: null }));
export const POST = apiRoute(contracts.createIntegrationKey, async (ctx, { params, body }) => {
  const { key, record } = await createIntegrationKey({ ctx, input: { ...(body as object), serviceId: params.serviceId } });
  return { data: { ...record, key } };
});
