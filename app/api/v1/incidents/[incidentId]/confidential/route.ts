import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { setConfidential } from "@/lib/workspace/set-confidential";

export const PUT = apiRoute(contracts.setIncidentConfidential, async (ctx, { params, body }) => ({ data: await setConfidential({ ctx, input: { ...(body as object), incidentId: params.incidentId } }) }));
