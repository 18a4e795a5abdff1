import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createOverride } from "@/lib/schedules/create-override";

export const POST = apiRoute(contracts.createOverride, async (ctx, { params, body }) => ({ data: await createOverride({ ctx, input: { ...(body as object), scheduleId: params.scheduleId } }) }));
