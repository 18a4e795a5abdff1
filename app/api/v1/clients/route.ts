import { contracts } from "@/lib/api/contracts";
import { createClient } from "@/lib/clients/create-client";
import { listClients } from "@/lib/clients/read-clients";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.listClients, (ctx, { query }) => listClients(ctx, query));
export const POST = apiRoute(contracts.createClient, async (ctx, { body }) => ({ data: await createClient({ ctx, input: body }) }));
