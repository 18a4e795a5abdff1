import type { Queryable } from "@/db/client";
import { incidentTimeline, type TimelineKind } from "@/db/schema";

/** A timeline row written by Baton itself (the escalation, the sender). Public unless it says otherwise. */
export async function systemTimeline(db: Queryable, incidentId: string, at: Date, kind: TimelineKind, message: string, details: Record<string, unknown> = {}, internal = false): Promise<void> {
  await db.insert(incidentTimeline).values({ incidentId, at, kind, actorType: "system", actorId: null, actorLabel: "Baton", message, details, internal });
}
