import { contracts } from "@/lib/api/contracts";
import { listTemplates } from "@/lib/communications/list-templates";
import { createTemplate } from "@/lib/communications/create-template";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.listMessageTemplates, async (ctx, { query }) => ({ data: await listTemplates(ctx, { clientId: query.clientId }), nextCursor: null }));
export const POST = apiRoute(contracts.createMessageTemplate, async (ctx, { body }) => ({ data: await createTemplate({ ctx, input: body }) }));
