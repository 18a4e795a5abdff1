import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createTeam } from "@/lib/teams/create-team";
import { listTeams } from "@/lib/teams/read-teams";

export const GET = apiRoute(contracts.listTeams, (ctx, { query }) => listTeams(ctx, query));
export const POST = apiRoute(contracts.createTeam, async (ctx, { body }) => ({ data: await createTeam({ ctx, input: body }) }));
