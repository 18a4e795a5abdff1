import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { getPostmortem } from "@/lib/postmortems/get-postmortem";
import { updatePostmortem } from "@/lib/postmortems/update-postmortem";

export const GET = apiRoute(contracts.getPostmortem, async (ctx, { params }) => ({ data: await getPostmortem(ctx, params.postmortemId) }));
export const PATCH = apiRoute(contracts.updatePostmortem, async (ctx, { params, body }) => ({ data: await updatePostmortem({ ctx, input: { ...(body as object), postmortemId: params.postmortemId } }) }));
