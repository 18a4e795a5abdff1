import { contracts } from "@/lib/api/contracts";
import { apiRoute } from "@/lib/http/api-route";
import { createService } from "@/lib/services/create-service";
import { listServices } from "@/lib/services/read-services";

export const GET = apiRoute(contracts.listServices, (ctx, { query }) => listServices(ctx, query));
export const POST = apiRoute(contracts.createService, async (ctx, { body }) => ({ data: await createService({ ctx, input: body }) }));
