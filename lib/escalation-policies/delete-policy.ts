import { asc, eq } from "drizzle-orm";
import { escalationPolicies, services } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deletePolicyInput } from "./schemas";

/** Deletes a policy no service uses (one in use is refused, naming the services); incidents keep their snapshots. */
export async function deletePolicy({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "escalation_policies:write", { type: "escalation_policy" });
  const data = parseInput(deletePolicyInput, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: escalationPolicies.id, name: escalationPolicies.name }).from(escalationPolicies).where(eq(escalationPolicies.id, data.policyId)).for("update");
    if (!row) throw new NotFoundError("Escalation policy");
    const using = await tx.select({ name: services.name }).from(services).where(eq(services.escalationPolicyId, row.id)).orderBy(asc(services.name));
    if (using.length) {
      const names = using.map((s) => s.name);
      throw new ConflictError(`${row.name} is used by ${names.length === 1 ? "the service" : `${names.length} services:`} ${names.join(", ")}. Give ${names.length === 1 ? "it" : "them"} another policy first.`);
    }
    await tx.delete(escalationPolicies).where(eq(escalationPolicies.id, row.id));
    await recordAudit(tx, ctx, { action: "escalation_policy.delete", targetType: "escalation_policy", targetId: row.id, details: { name: row.name } });
  });
}
