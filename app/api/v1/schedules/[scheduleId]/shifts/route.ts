import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { listShifts } from "@/lib/schedules/read-schedules";

export const GET = apiRoute(contracts.listShifts, async (ctx, { params, query }) => ({ data: await listShifts(ctx, params.scheduleId, query.from, query.to), nextCursor: null }));
