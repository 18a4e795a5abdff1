"use server";

import { plainAction } from "@/lib/actions/plain-action";
import { formInput, safeAction } from "@/lib/actions/safe-action";
import { createPolicy } from "@/lib/escalation-policies/create-policy";
import { deletePolicy } from "@/lib/escalation-policies/delete-policy";
import { updatePolicy } from "@/lib/escalation-policies/update-policy";

/** The editor posts the whole policy as JSON in `policy`, and `policyId` when it edits one. */
function policyInput(form: FormData): Record<string, unknown> {
  const { policy, policyId } = formInput(form, { json: ["policy"] });
  return { ...(policy && typeof policy === "object" ? policy : {}), ...(policyId ? { policyId } : {}) };
}

export const createPolicyAction = safeAction(async (ctx, form) => {
  const policy = await createPolicy({ ctx, input: policyInput(form) });
  return { redirectTo: `/escalation-policies/${policy.id}?created=1`, revalidate: ["/escalation-policies"] };
});

export const updatePolicyAction = safeAction(async (ctx, form) => {
  const policy = await updatePolicy({ ctx, input: policyInput(form) });
  return { message: `Saved ${policy.name}. Incidents already escalating keep the version they started with.`, revalidate: [`/escalation-policies/${policy.id}`, "/escalation-policies"] };
});

export const deletePolicyAction = plainAction(
  (form) => `/escalation-policies/${String(form.get("policyId") ?? "")}`,
  async (ctx, form) => {
    await deletePolicy({ ctx, input: { policyId: form.get("policyId") } });
    return "/escalation-policies";
  },
);
