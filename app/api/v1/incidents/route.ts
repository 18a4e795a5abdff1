import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { listIncidents } from "@/lib/incidents/read-incidents";

export const GET = apiRoute(contracts.listIncidents, (ctx, { query }) => listIncidents(ctx, query));
export const POST = apiRoute(contracts.declareIncident, async (ctx, { body }) => ({ data: await declareIncident({ ctx, input: body }) }));
