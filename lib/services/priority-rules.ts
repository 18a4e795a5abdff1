import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clientAlertPolicies, clients, priorityRules } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import type { PriorityRule } from "@/lib/core/alerts";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getClientAlertPolicy, toRuleOutput } from "./read-services";
import { setClientAlertPolicyInput, setServicePriorityRulesInput } from "./schemas";
import { lockService, requireServiceVisible } from "./service-scope";

/** Replaces an owner's ordered list in one go (the editor saves the whole list). */
async function replaceRules(tx: Queryable, owner: { serviceId: string } | { clientId: string }, rules: PriorityRule[], now: Date) {
  const where = "serviceId" in owner ? eq(priorityRules.serviceId, owner.serviceId) : eq(priorityRules.clientId, owner.clientId!);
  await tx.delete(priorityRules).where(where);
  if (rules.length > 0) {
    await tx.insert(priorityRules).values(rules.map((r, i) => ({ ...owner, position: i + 1, name: r.name, conditions: r.conditions, priority: r.priority, createdAt: now })));
  }
  return (await tx.select().from(priorityRules).where(where).orderBy(asc(priorityRules.position))).map(toRuleOutput);
}

export async function setServicePriorityRules({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "services:manage", { type: "service" });
  const data = parseInput(setServicePriorityRulesInput, input);
  await requireServiceVisible(ctx, data.serviceId, "services:manage");
  return ctx.db.transaction(async (tx) => {
    const service = await lockService(tx, ctx, data.serviceId);
    const saved = await replaceRules(tx, { serviceId: service.id }, data.rules, ctx.now);
    await recordAudit(tx, ctx, { action: "service.priority_rules", targetType: "service", targetId: service.id, clientId: service.clientId, details: { rules: saved.map((r) => r.name) } });
    return saved;
  });
}

/** A client's own rules (tried after the service's) and whether low alerts page or are only recorded. */
export async function setClientAlertPolicy({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "services:manage", { type: "client" });
  const data = parseInput(setClientAlertPolicyInput, input);
  await requireClientVisible(ctx, data.clientId);
  await ctx.db.transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, data.clientId)).for("update");
    if (!client) throw new NotFoundError("Client");
    if (data.rules) await replaceRules(tx, { clientId: client.id }, data.rules, ctx.now);
    if (data.lowPriority) {
      await tx
        .insert(clientAlertPolicies)
        .values({ clientId: client.id, lowPriority: data.lowPriority, updatedAt: ctx.now })
        .onConflictDoUpdate({ target: clientAlertPolicies.clientId, set: { lowPriority: data.lowPriority, updatedAt: ctx.now } });
    }
    await recordAudit(tx, ctx, { action: "client.alert_policy", targetType: "client", targetId: client.id, clientId: client.id, details: { rules: data.rules?.map((r) => r.name), lowPriority: data.lowPriority } });
  });
  return getClientAlertPolicy(ctx, data.clientId);
}
