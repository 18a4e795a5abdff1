import { z } from "zod";
import { createPolicyInput, policyOutput, updatePolicyInput } from "@/lib/escalation-policies/schemas";
import { idSchema } from "@/lib/http/common-schemas";
import type { ApiContract } from "@/lib/http/api-route";
import { pageQuerySchema } from "../pagination";
import { list, one } from "./shapes";

const policyParams = z.object({ policyId: idSchema });

/** Escalation policies: levels of targets with delays, repeats, the stop condition and failover contacts. */
export const escalationPolicyContracts = {
  listEscalationPolicies: { method: "GET", path: "/api/v1/escalation-policies", tag: "Escalation policies", summary: "List escalation policies with their timelines and the services using them", permission: "escalation_policies:read", query: pageQuerySchema, response: list(policyOutput) },
  createEscalationPolicy: {
    method: "POST",
    path: "/api/v1/escalation-policies",
    tag: "Escalation policies",
    summary: "Create a policy (every person, schedule and team named must exist)",
    permission: "escalation_policies:write",
    body: createPolicyInput,
    response: one(policyOutput),
    status: 201,
  },
  getEscalationPolicy: { method: "GET", path: "/api/v1/escalation-policies/{policyId}", tag: "Escalation policies", summary: "Get a policy with its targets' names and its timeline", permission: "escalation_policies:read", params: policyParams, response: one(policyOutput) },
  updateEscalationPolicy: {
    method: "PATCH",
    path: "/api/v1/escalation-policies/{policyId}",
    tag: "Escalation policies",
    summary: "Change a policy (levels and failover are replaced whole); escalations in flight keep their snapshot",
    permission: "escalation_policies:write",
    params: policyParams,
    body: updatePolicyInput.omit({ policyId: true }),
    response: one(policyOutput),
  },
  deleteEscalationPolicy: { method: "DELETE", path: "/api/v1/escalation-policies/{policyId}", tag: "Escalation policies", summary: "Delete a policy no service uses (409 naming the services otherwise)", permission: "escalation_policies:write", params: policyParams, status: 204 },
} as const satisfies Record<string, ApiContract>;
