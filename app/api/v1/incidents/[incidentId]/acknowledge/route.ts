import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";

export const POST = apiRoute(contracts.acknowledgeIncident, async (ctx, { params }) => ({ data: await acknowledgeIncident({ ctx, input: { incidentId: params.incidentId } }) }));
