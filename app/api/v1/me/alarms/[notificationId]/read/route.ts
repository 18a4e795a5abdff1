import { contracts } from "@/lib/api/contracts";
import { readMyAlarm } from "@/lib/escalations/read-my-alarm";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(contracts.readMyAlarm, async (ctx, { params }) => ({ data: await readMyAlarm({ ctx, input: params }) }));
