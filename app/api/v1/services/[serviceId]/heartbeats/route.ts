import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createHeartbeat } from "@/lib/services/heartbeats";
import { getService } from "@/lib/services/read-services";

export const GET = apiRoute(contracts.listHeartbeats, async (ctx, { params }) => ({ data: (await getService(ctx, params.serviceId)).heartbeats, nextCursor: null }));
export const POST = apiRoute(contracts.createHeartbeat, async (ctx, { params, body }, req) => {
  const { pingPath, record } = await createHeartbeat({ ctx, input: { ...(body as object), serviceId: params.serviceId } });
  return { data: { ...record, pingUrl: `${req.nextUrl.origin}${pingPath}` } };
});
