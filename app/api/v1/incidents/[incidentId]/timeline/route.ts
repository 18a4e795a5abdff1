import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { listIncidentTimeline } from "@/lib/incidents/read-incidents";

export const GET = apiRoute(contracts.getIncidentTimeline, async (ctx, { params }) => ({ data: await listIncidentTimeline(ctx, params.incidentId), nextCursor: null }));
