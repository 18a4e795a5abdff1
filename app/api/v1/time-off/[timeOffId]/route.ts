import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteTimeOff } from "@/lib/schedules/time-off";

export const DELETE = apiRoute(contracts.deleteTimeOff, (ctx, { params }) => deleteTimeOff({ ctx, input: params }));
