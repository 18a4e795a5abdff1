import { contracts } from "@/lib/api/contracts";
import { listStakeholderUpdates } from "@/lib/communications/list-updates";
import { sendStakeholderUpdate } from "@/lib/communications/send-update";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.listStakeholderUpdates, async (ctx, { params }) => ({ data: await listStakeholderUpdates(ctx, params.incidentId), nextCursor: null }));
export const POST = apiRoute(contracts.sendStakeholderUpdate, async (ctx, { params, body }) => ({ data: await sendStakeholderUpdate({ ctx, input: { ...(body as object), incidentId: params.incidentId } }) }));
