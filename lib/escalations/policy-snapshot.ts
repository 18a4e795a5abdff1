import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { escalationPolicies } from "@/db/schema";
import type { PolicySnapshot } from "@/lib/core/escalation";

/** The policy as it is now, to be kept on an incident that triggers: later edits don't change escalations in flight. */
export async function loadPolicySnapshot(db: Queryable, policyId: string | null): Promise<PolicySnapshot | null> {
  if (!policyId) return null;
  const [p] = await db.select().from(escalationPolicies).where(eq(escalationPolicies.id, policyId));
  if (!p) return null;
  return { policyId: p.id, name: p.name, levels: p.levels, repeat: p.repeat, stopOn: p.stopOn, failover: p.failover };
}
