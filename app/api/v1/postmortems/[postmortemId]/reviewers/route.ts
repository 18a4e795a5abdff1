import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { setReviewers } from "@/lib/postmortems/set-reviewers";

export const POST = apiRoute(contracts.setPostmortemReviewers, async (ctx, { params, body }) => ({ data: await setReviewers({ ctx, input: { ...(body as object), postmortemId: params.postmortemId } }) }));
