import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { listIncidents } from "@/lib/incidents/read-incidents";

export const GET = apiRoute(contracts.listIncidents, (ctx, { query }) => listIncidents(ctx, query));
