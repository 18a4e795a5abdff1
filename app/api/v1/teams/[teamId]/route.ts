import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteTeam } from "@/lib/teams/delete-team";
import { getTeam } from "@/lib/teams/read-teams";
import { updateTeam } from "@/lib/teams/update-team";

export const GET = apiRoute(contracts.getTeam, async (ctx, { params }) => ({ data: await getTeam(ctx, params.teamId) }));
export const PATCH = apiRoute(contracts.updateTeam, async (ctx, { params, body }) => ({
  data: await updateTeam({ ctx, input: { ...(body as object), teamId: params.teamId } }),
}));
export const DELETE = apiRoute(contracts.deleteTeam, (ctx, { params }) => deleteTeam({ ctx, input: { teamId: params.teamId } }));
