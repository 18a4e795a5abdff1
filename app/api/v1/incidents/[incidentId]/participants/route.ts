import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { assignRole } from "@/lib/workspace/assign-role";
import { listParticipants } from "@/lib/workspace/list-participants";

export const GET = apiRoute(contracts.listIncidentParticipants, async (ctx, { params }) => ({ data: await listParticipants(ctx, params.incidentId), nextCursor: null }));
export const POST = apiRoute(contracts.addIncidentParticipant, async (ctx, { params, body }) => ({ data: await assignRole({ ctx, input: { ...(body as object), incidentId: params.incidentId } }) }));
