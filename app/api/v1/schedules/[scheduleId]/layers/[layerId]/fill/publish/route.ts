import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { publishFill } from "@/lib/schedules/publish-fill";

export const POST = apiRoute(contracts.publishFill, async (ctx, { params, body }, req) => ({ data: await publishFill({ ctx, input: { ...(body as object), ...params }, origin: req.nextUrl.origin }) }));
