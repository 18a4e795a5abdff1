import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { addComment } from "@/lib/postmortems/add-comment";

export const POST = apiRoute(contracts.addPostmortemComment, async (ctx, { params, body }) => ({ data: await addComment({ ctx, input: { ...(body as object), postmortemId: params.postmortemId } }) }));
