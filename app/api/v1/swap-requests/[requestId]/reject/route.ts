import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { rejectSwapRequest } from "@/lib/swaps/reject-swap-request";

export const POST = apiRoute(contracts.rejectSwapRequest, async (ctx, { params, body }, req) => ({
  data: await rejectSwapRequest({ ctx, input: { ...(body as object), requestId: params.requestId }, origin: req.nextUrl.origin }),
}));
