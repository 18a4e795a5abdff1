import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteActionItem } from "@/lib/postmortems/delete-action-item";
import { updateActionItem } from "@/lib/postmortems/update-action-item";

export const PATCH = apiRoute(contracts.updatePostmortemActionItem, async (ctx, { params, body }) => ({ data: await updateActionItem({ ctx, input: { ...(body as object), ...params } }) }));
export const DELETE = apiRoute(contracts.deletePostmortemActionItem, async (ctx, { params }) => ({ data: await deleteActionItem({ ctx, input: params }) }));
