import { contracts } from "@/lib/api/contracts";
import { listContacts } from "@/lib/communications/list-contacts";
import { createContact } from "@/lib/communications/create-contact";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.listClientContacts, async (ctx, { params }) => ({ data: await listContacts(ctx, params.clientId), nextCursor: null }));
export const POST = apiRoute(contracts.createClientContact, async (ctx, { params, body }) => ({ data: await createContact({ ctx, input: { ...(body as object), clientId: params.clientId } }) }));
