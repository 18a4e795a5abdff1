import { contracts } from "@/lib/api/contracts";
import { createPolicy } from "@/lib/escalation-policies/create-policy";
import { listPolicies } from "@/lib/escalation-policies/list-policies";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.listEscalationPolicies, (ctx, { query }) => listPolicies(ctx, query));
export const POST = apiRoute(contracts.createEscalationPolicy, async (ctx, { body }) => ({ data: await createPolicy({ ctx, input: body }) }));
