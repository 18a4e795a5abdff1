import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { breakGlass } from "@/lib/workspace/break-glass";

export const POST = apiRoute(contracts.breakGlassIncident, async (ctx, { params, body }) => ({ data: await breakGlass({ ctx, input: { ...(body as object), incidentId: params.incidentId } }) }));
