import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { whoIsOnCall } from "@/lib/schedules/read-schedules";

export const GET = apiRoute(contracts.whoIsOnCall, async (ctx, { query }) => ({ data: await whoIsOnCall(ctx, query.at ? new Date(query.at) : ctx.now), nextCursor: null }));
