import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { acceptSwapRequest } from "@/lib/swaps/accept-swap-request";

export const POST = apiRoute(contracts.acceptSwapRequest, async (ctx, { params, body }, req) => ({
  data: await acceptSwapRequest({ ctx, input: { ...(body as object), requestId: params.requestId }, origin: req.nextUrl.origin }),
}));
