import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { transitionPostmortem } from "@/lib/postmortems/transition-postmortem";

export const POST = apiRoute(contracts.withdrawPostmortem, async (ctx, { params }) => ({ data: await transitionPostmortem({ ctx, input: { postmortemId: params.postmortemId, transition: "withdraw" } }) }));
