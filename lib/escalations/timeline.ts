import type { Queryable } from "@/db/client";
import { incidentTimeline, type TimelineKind } from "@/db/schema";

/**
 * What Baton itself writes about paging — who was paged, reminded, reached or not, read it, who
 * the failover went to, how the policy escalates — is for staff: it names people (and their
 * gaps in cover), which a client's stakeholders have no need to know. They see the incident's
 * status (triggered, deferred, promoted, acknowledged, resolved) and the updates sent to them.
 */
export const PAGING_KINDS = ["escalation", "notified", "delivered", "read", "notification_failed", "nobody_on_call", "escalated", "repeated", "failed_over"] as const satisfies readonly TimelineKind[];
const STAFF_ONLY: ReadonlySet<string> = new Set<string>(PAGING_KINDS);

/** Whether a row of this kind, written by Baton, is for staff only. */
export const isStaffOnlyKind = (kind: string): boolean => STAFF_ONLY.has(kind);

/** A timeline row written by Baton itself (the escalation, the sender); internal by its kind. */
export async function systemTimeline(db: Queryable, incidentId: string, at: Date, kind: TimelineKind, message: string, details: Record<string, unknown> = {}): Promise<void> {
  await db.insert(incidentTimeline).values({ incidentId, at, kind, actorType: "system", actorId: null, actorLabel: "Baton", message, details, internal: isStaffOnlyKind(kind) });
}
