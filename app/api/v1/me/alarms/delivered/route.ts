import { contracts } from "@/lib/api/contracts";
import { markAlarmsDelivered } from "@/lib/escalations/mark-alarms-delivered";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(contracts.markMyAlarmsDelivered, async (ctx, { body }) => ({ data: await markAlarmsDelivered({ ctx, input: body }) }));
