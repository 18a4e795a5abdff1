import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { getTeam } from "@/lib/teams/read-teams";
import { addTeamMember } from "@/lib/teams/team-members";

export const GET = apiRoute(contracts.listTeamMembers, async (ctx, { params }) => ({
  data: (await getTeam(ctx, params.teamId)).members,
  nextCursor: null,
}));
export const POST = apiRoute(contracts.addTeamMember, async (ctx, { params, body }) => ({
  data: await addTeamMember({ ctx, input: { ...(body as object), teamId: params.teamId } }),
}));
