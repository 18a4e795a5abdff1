import { eq } from "drizzle-orm";
import { escalationPolicies } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { toPolicyOutputs } from "./policy-output";
import type { PolicyOutput } from "./schemas";

/** One policy with its targets' names and its timeline ("0 min: on-call of Service Desk 24/7"). */
export async function getPolicy(ctx: Ctx, policyId: string): Promise<PolicyOutput> {
  await requirePermission(ctx, "escalation_policies:read", { type: "escalation_policy", id: policyId });
  const [row] = await ctx.db.select().from(escalationPolicies).where(eq(escalationPolicies.id, policyId));
  if (!row) throw new NotFoundError("Escalation policy");
  const [out] = await toPolicyOutputs(ctx.db, ctx.viewer, [row]);
  return out!;
}
