import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { scheduleMeeting } from "@/lib/postmortems/schedule-meeting";

export const POST = apiRoute(contracts.schedulePostmortemMeeting, async (ctx, { params, body }) => ({ data: await scheduleMeeting({ ctx, input: { ...(body as object), postmortemId: params.postmortemId } }) }));
