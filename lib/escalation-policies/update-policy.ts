import { eq } from "drizzle-orm";
import { escalationPolicies } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getPolicy } from "./get-policy";
import { requirePolicyReferences } from "./policy-references";
import { updatePolicyInput } from "./schemas";

/** Edits a policy. Incidents already escalating keep the snapshot they took when they triggered. */
export async function updatePolicy({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "escalation_policies:write", { type: "escalation_policy" });
  const data = parseInput(updatePolicyInput, input);
  try {
    await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select({ id: escalationPolicies.id }).from(escalationPolicies).where(eq(escalationPolicies.id, data.policyId)).for("update");
      if (!before) throw new NotFoundError("Escalation policy");
      const { policyId, ...fields } = data;
      await requirePolicyReferences(tx, fields);
      const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      await tx.update(escalationPolicies).set({ ...patch, updatedAt: ctx.now }).where(eq(escalationPolicies.id, policyId));
      await recordAudit(tx, ctx, { action: "escalation_policy.update", targetType: "escalation_policy", targetId: policyId, details: { changed: Object.keys(patch) } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A policy named "${data.name}" already exists.`);
    throw e;
  }
  return getPolicy(ctx, data.policyId);
}
