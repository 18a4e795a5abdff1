import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { revertSwapRequest } from "@/lib/swaps/revert-swap-request";

export const POST = apiRoute(contracts.revertSwapRequest, async (ctx, { params, body }, req) => ({
  data: await revertSwapRequest({ ctx, input: { ...(body as object), requestId: params.requestId }, origin: req.nextUrl.origin }),
}));
