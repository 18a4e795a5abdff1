import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { resolveIncident } from "@/lib/incidents/resolve-incident";

export const POST = apiRoute(contracts.resolveIncident, async (ctx, { params }) => ({ data: await resolveIncident({ ctx, input: { incidentId: params.incidentId } }) }));
