import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { incidentEscalations, incidents } from "@/db/schema";
import { initialState } from "@/lib/core/escalation";
import { loadPolicySnapshot } from "./policy-snapshot";
import { systemTimeline } from "./timeline";

/**
 * Starts an incident's escalation: snapshots its service's policy and stores where it stands
 * (due now, or at the business-hours instant of a deferred alert). Idempotent: a second call
 * finds the row and changes nothing. Returns when the first step is due, or null when the
 * incident doesn't page (already acknowledged or resolved, or only recorded).
 */
export async function startEscalation(db: Queryable, incidentId: string, now: Date): Promise<{ nextDueAt: Date; serviceId: string; started: boolean } | null> {
  const [inc] = await db
    .select({ status: incidents.status, serviceId: incidents.serviceId, policyId: incidents.escalationPolicyId, deferredUntil: incidents.deferredUntil })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  if (!inc || inc.status !== "triggered") return null;
  const policy = await loadPolicySnapshot(db, inc.policyId);
  const state = initialState(now.getTime(), inc.deferredUntil?.getTime() ?? null);
  const nextDueAt = new Date(state.nextDueAt!);
  const [row] = await db
    .insert(incidentEscalations)
    .values({ incidentId, policy, phase: state.phase, level: null, repeat: null, nextDueAt, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ incidentId: incidentEscalations.incidentId });
  if (!row) {
    const [existing] = await db.select({ nextDueAt: incidentEscalations.nextDueAt }).from(incidentEscalations).where(eq(incidentEscalations.incidentId, incidentId));
    return existing?.nextDueAt ? { nextDueAt: existing.nextDueAt, serviceId: inc.serviceId, started: false } : null;
  }
  await systemTimeline(
    db,
    incidentId,
    now,
    "escalation",
    policy
      ? `Escalation policy "${policy.name}": ${policy.levels.length} level${policy.levels.length === 1 ? "" : "s"}, ${policy.repeat ? `repeated ${policy.repeat}×, ` : ""}stops when ${policy.stopOn === "read" ? "read" : "acknowledged"}`
      : "The service has no escalation policy: the failover contacts are told at once",
    { policy },
  );
  return { nextDueAt, serviceId: inc.serviceId, started: true };
}
