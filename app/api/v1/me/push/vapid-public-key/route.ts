import { contracts } from "@/lib/api/contracts";
import { readVapidPublicKey } from "@/lib/escalations/read-vapid-public-key";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.readVapidPublicKey, async (ctx) => ({ data: await readVapidPublicKey(ctx) }));
