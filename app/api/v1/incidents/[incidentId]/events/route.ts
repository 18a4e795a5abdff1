import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { listIncidentEvents } from "@/lib/incidents/read-incidents";

export const GET = apiRoute(contracts.listIncidentEvents, async (ctx, { params }) => ({ data: await listIncidentEvents(ctx, params.incidentId, 200), nextCursor: null }));
