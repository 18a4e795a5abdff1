import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { inviteUser } from "@/lib/users/invite-user";
import { listUsers } from "@/lib/users/read-users";

export const GET = apiRoute(contracts.listUsers, (ctx, { query }) => listUsers(ctx, query));
export const POST = apiRoute(contracts.createUser, async (ctx, { body }, req) => ({
  data: await inviteUser({ ctx, input: body, origin: req.nextUrl.origin }),
}));
