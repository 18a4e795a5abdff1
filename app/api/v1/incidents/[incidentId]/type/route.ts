import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { setIncidentType } from "@/lib/workspace/set-incident-type";

export const PUT = apiRoute(contracts.setIncidentType, async (ctx, { params, body }) => ({ data: await setIncidentType({ ctx, input: { ...(body as object), incidentId: params.incidentId } }) }));
