import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { listChecklist } from "@/lib/workspace/list-checklist";

export const GET = apiRoute(contracts.getIncidentChecklist, async (ctx, { params }) => ({ data: await listChecklist(ctx, params.incidentId) }));
