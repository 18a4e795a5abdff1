import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createTimeOff, listTimeOff } from "@/lib/schedules/time-off";

export const GET = apiRoute(contracts.listTimeOff, async (ctx, { query }) => ({
  data: await listTimeOff(ctx, { fromDate: query.from ?? ctx.now.toISOString().slice(0, 10), userId: query.userId }),
  nextCursor: null,
}));
export const POST = apiRoute(contracts.createTimeOff, async (ctx, { body }) => ({ data: await createTimeOff({ ctx, input: body }) }));
