import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { tickChecklistItem } from "@/lib/workspace/tick-checklist-item";

export const POST = apiRoute(contracts.tickIncidentChecklistItem, async (ctx, { params, body }) => ({ data: await tickChecklistItem({ ctx, input: { ...(body as object), ...params } }) }));
