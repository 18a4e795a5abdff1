import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { cancelSwapRequest } from "@/lib/swaps/cancel-swap-request";

export const POST = apiRoute(contracts.cancelSwapRequest, async (ctx, { params, body }, req) => ({
  data: await cancelSwapRequest({ ctx, input: { ...(body as object), requestId: params.requestId }, origin: req.nextUrl.origin }),
}));
