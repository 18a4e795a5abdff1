import { contracts } from "@/lib/api/contracts";
import { deleteClient } from "@/lib/clients/delete-client";
import { getClient } from "@/lib/clients/read-clients";
import { updateClient } from "@/lib/clients/update-client";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.getClient, async (ctx, { params }) => ({ data: await getClient(ctx, params.clientId) }));
export const PATCH = apiRoute(contracts.updateClient, async (ctx, { params, body }) => ({
  data: await updateClient({ ctx, input: { ...(body as object), clientId: params.clientId } }),
}));
export const DELETE = apiRoute(contracts.deleteClient, (ctx, { params }) => deleteClient({ ctx, input: { clientId: params.clientId } }));
