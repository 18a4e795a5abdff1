import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { approveSwapRequest } from "@/lib/swaps/approve-swap-request";

export const POST = apiRoute(contracts.approveSwapRequest, async (ctx, { params, body }, req) => ({
  data: await approveSwapRequest({ ctx, input: { ...(body as object), requestId: params.requestId }, origin: req.nextUrl.origin }),
}));
