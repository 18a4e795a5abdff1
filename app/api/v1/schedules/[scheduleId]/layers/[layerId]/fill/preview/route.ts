import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { previewFill } from "@/lib/schedules/preview-fill";

export const POST = apiRoute(contracts.previewFill, async (ctx, { params, body }) => ({ data: await previewFill({ ctx, input: { ...(body as object), ...params } }) }));
