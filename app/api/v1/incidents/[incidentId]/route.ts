import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { getIncident } from "@/lib/incidents/read-incidents";

export const GET = apiRoute(contracts.getIncident, async (ctx, { params }) => ({ data: await getIncident(ctx, params.incidentId) }));
