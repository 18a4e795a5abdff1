import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { deleteOverride } from "@/lib/schedules/delete-override";

export const DELETE = apiRoute(contracts.deleteOverride, (ctx, { params }) => deleteOverride({ ctx, input: params }));
