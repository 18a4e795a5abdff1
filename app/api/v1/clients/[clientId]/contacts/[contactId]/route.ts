import { contracts } from "@/lib/api/contracts";
import { deleteContact } from "@/lib/communications/delete-contact";
import { updateContact } from "@/lib/communications/update-contact";
import { apiRoute } from "@/lib/http/api-route";

export const PATCH = apiRoute(contracts.updateClientContact, async (ctx, { params, body }) => ({ data: await updateContact({ ctx, input: { ...(body as object), clientId: params.clientId, contactId: params.contactId } }) }));
export const DELETE = apiRoute(contracts.deleteClientContact, async (ctx, { params }) => {
  await deleteContact({ ctx, input: params });
});
