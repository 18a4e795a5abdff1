import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { addActionItem } from "@/lib/postmortems/add-action-item";

export const POST = apiRoute(contracts.addPostmortemActionItem, async (ctx, { params, body }) => ({ data: await addActionItem({ ctx, input: { ...(body as object), postmortemId: params.postmortemId } }) }));
