import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createSwapRequest } from "@/lib/swaps/create-swap-request";
import { listSwapRequests } from "@/lib/swaps/read-swap-requests";

export const GET = apiRoute(contracts.listSwapRequests, async (ctx, { query }) => ({
  data: await listSwapRequests(ctx, { scheduleId: query.scheduleId, open: query.open === undefined ? undefined : query.open === "true" }),
  nextCursor: null,
}));
export const POST = apiRoute(contracts.createSwapRequest, async (ctx, { body }, req) => ({ data: await createSwapRequest({ ctx, input: body, origin: req.nextUrl.origin }) }));
