import { contracts } from "@/lib/api/contracts";
import { requireClientExists } from "@/lib/clients/read-clients";
import { listContacts } from "@/lib/communications/list-contacts";
import { createContact } from "@/lib/communications/create-contact";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.listClientContacts, async (ctx, { params }) => {
  const data = await listContacts(ctx, params.clientId);
  // No contacts: an unknown client is a 404 (after listContacts' own permission and visibility checks).
  if (data.length === 0) await requireClientExists(ctx.db, params.clientId);
  return { data, nextCursor: null };
});
export const POST = apiRoute(contracts.createClientContact, async (ctx, { params, body }) => ({ data: await createContact({ ctx, input: { ...(body as object), clientId: params.clientId } }) }));
