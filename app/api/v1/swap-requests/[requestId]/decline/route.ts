import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { declineSwapRequest } from "@/lib/swaps/decline-swap-request";

export const POST = apiRoute(contracts.declineSwapRequest, async (ctx, { params, body }, req) => ({
  data: await declineSwapRequest({ ctx, input: { ...(body as object), requestId: params.requestId }, origin: req.nextUrl.origin }),
}));
