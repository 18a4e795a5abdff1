import { contracts } from "@/lib/api/contracts";
import { deletePolicy } from "@/lib/escalation-policies/delete-policy";
import { getPolicy } from "@/lib/escalation-policies/get-policy";
import { updatePolicy } from "@/lib/escalation-policies/update-policy";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(contracts.getEscalationPolicy, async (ctx, { params }) => ({ data: await getPolicy(ctx, params.policyId) }));
export const PATCH = apiRoute(contracts.updateEscalationPolicy, async (ctx, { params, body }) => ({ data: await updatePolicy({ ctx, input: { ...(body as object), policyId: params.policyId } }) }));
export const DELETE = apiRoute(contracts.deleteEscalationPolicy, (ctx, { params }) => deletePolicy({ ctx, input: { policyId: params.policyId } }));
