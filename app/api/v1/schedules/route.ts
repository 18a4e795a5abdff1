import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createSchedule } from "@/lib/schedules/create-schedule";
import { listSchedules } from "@/lib/schedules/read-schedules";

export const GET = apiRoute(contracts.listSchedules, async (ctx) => ({ data: await listSchedules(ctx), nextCursor: null }));
export const POST = apiRoute(contracts.createSchedule, async (ctx, { body }) => ({ data: await createSchedule({ ctx, input: body }) }));
