import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { removeTeamMember, setTeamLead } from "@/lib/teams/team-members";

export const PATCH = apiRoute(contracts.updateTeamMember, async (ctx, { params, body }) => ({
  data: await setTeamLead({ ctx, input: { ...(body as object), teamId: params.teamId, userId: params.userId } }),
}));
export const DELETE = apiRoute(contracts.removeTeamMember, async (ctx, { params }) => {
  await removeTeamMember({ ctx, input: params });
});
