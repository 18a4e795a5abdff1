import { and, asc, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { escalationPolicies, services } from "@/db/schema";
import type { Viewer } from "@/lib/access/viewer";
import { describePolicy } from "@/lib/core/escalation";
import { targetName } from "@/lib/core/escalation/target-names";
import { serviceScope } from "@/lib/services/service-scope";
import { loadPolicyDirectory } from "./policy-references";
import type { PolicyOutput } from "./schemas";

type PolicyRow = typeof escalationPolicies.$inferSelect;

/** Policies with their targets' names, their timeline lines and the services (the viewer may see) that use them. */
export async function toPolicyOutputs(db: Queryable, viewer: Viewer, rows: PolicyRow[]): Promise<PolicyOutput[]> {
  if (rows.length === 0) return [];
  const [directory, using] = await Promise.all([
    loadPolicyDirectory(db, rows),
    db
      .select({ id: services.id, name: services.name, policyId: services.escalationPolicyId })
      .from(services)
      .where(and(inArray(services.escalationPolicyId, rows.map((r) => r.id)), serviceScope(viewer)))
      .orderBy(asc(services.name)),
  ]);
  return rows.map((p) => {
    const failoverNames = p.failover.userIds.map((id) => directory.users[id] ?? "a deleted person");
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      levels: p.levels.map((l) => ({ delayMinutes: l.delayMinutes, targets: l.targets.map((t) => ({ ...t, name: targetName(t, directory) })) })),
      repeat: p.repeat,
      stopOn: p.stopOn,
      failover: { ...p.failover, users: p.failover.userIds.map((id, i) => ({ id, name: failoverNames[i]! })) },
      services: using.filter((s) => s.policyId === p.id).map((s) => ({ id: s.id, name: s.name })),
      timeline: describePolicy(p, (t) => targetName(t, directory), failoverNames),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  });
}
