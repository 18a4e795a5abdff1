import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { listStatusUpdates } from "@/lib/workspace/list-status-updates";
import { postStatusUpdate } from "@/lib/workspace/post-status-update";

export const GET = apiRoute(contracts.listIncidentStatusUpdates, async (ctx, { params }) => ({ data: await listStatusUpdates(ctx, params.incidentId), nextCursor: null }));
export const POST = apiRoute(contracts.postIncidentStatusUpdate, async (ctx, { params, body }) => ({ data: await postStatusUpdate({ ctx, input: { ...(body as object), incidentId: params.incidentId } }) }));
