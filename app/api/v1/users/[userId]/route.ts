import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteUser } from "@/lib/users/delete-user";
import { getUser } from "@/lib/users/read-users";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { updateUser } from "@/lib/users/update-user";
import { parseInput } from "@/lib/validation";

export const GET = apiRoute(contracts.getUser, async (ctx, { params }) => ({ data: await getUser(ctx, params.userId) }));
export const PATCH = apiRoute(contracts.updateUser, async (ctx, { params, body }, req) => {
  const { disabled, ...fields } = parseInput(contracts.updateUser.body, body);
  let user = await updateUser({ ctx, input: { ...fields, userId: params.userId } });
  if (disabled !== undefined) user = await setUserDisabled({ ctx, input: { userId: params.userId, disabled }, origin: req.nextUrl.origin });
  return { data: user };
});
export const DELETE = apiRoute(contracts.deleteUser, async (ctx, { params }) => deleteUser({ ctx, input: { userId: params.userId } }));
