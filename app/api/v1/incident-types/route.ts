import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { listIncidentTypes } from "@/lib/workspace/list-incident-types";

export const GET = apiRoute(contracts.listIncidentTypes, async (ctx) => ({ data: await listIncidentTypes(ctx), nextCursor: null }));
