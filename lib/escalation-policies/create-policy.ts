import { escalationPolicies } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getPolicy } from "./get-policy";
import { requirePolicyReferences } from "./policy-references";
import { createPolicyInput } from "./schemas";

export async function createPolicy({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "escalation_policies:write", { type: "escalation_policy" });
  const data = parseInput(createPolicyInput, input);
  let policyId: string;
  try {
    policyId = await ctx.db.transaction(async (tx) => {
      await requirePolicyReferences(tx, data);
      const [row] = await tx
        .insert(escalationPolicies)
        .values({ ...data, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: escalationPolicies.id });
      await recordAudit(tx, ctx, { action: "escalation_policy.create", targetType: "escalation_policy", targetId: row!.id, details: { name: data.name, levels: data.levels.length, repeat: data.repeat, stopOn: data.stopOn } });
      return row!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A policy named "${data.name}" already exists.`);
    throw e;
  }
  return getPolicy(ctx, policyId);
}
