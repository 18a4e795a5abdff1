import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { addIncidentNote } from "@/lib/incidents/add-incident-note";

export const POST = apiRoute(contracts.addIncidentNote, async (ctx, { params, body }) => ({ data: await addIncidentNote({ ctx, input: { ...(body as object), incidentId: params.incidentId } }) }));
