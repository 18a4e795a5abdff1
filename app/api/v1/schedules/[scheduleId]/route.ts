import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteSchedule } from "@/lib/schedules/delete-schedule";
import { getSchedule } from "@/lib/schedules/read-schedules";
import { updateSchedule } from "@/lib/schedules/update-schedule";

export const GET = apiRoute(contracts.getSchedule, async (ctx, { params }) => ({ data: await getSchedule(ctx, params.scheduleId) }));
export const PATCH = apiRoute(contracts.updateSchedule, async (ctx, { params, body }) => ({ data: await updateSchedule({ ctx, input: { ...(body as object), scheduleId: params.scheduleId } }) }));
export const DELETE = apiRoute(contracts.deleteSchedule, (ctx, { params }) => deleteSchedule({ ctx, input: params }));
