import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { incidentEscalations, incidents } from "@/db/schema";
import { nextCursor, type Cursor } from "@/lib/core/escalation";
import { advanceEscalation, type AdvanceResult } from "@/lib/escalations/advance-escalation";
import { dispatchNotifications, type DispatchSummary } from "@/lib/escalations/dispatch-notifications";
import { startEscalation } from "@/lib/escalations/start-escalation";
import { now } from "./clock";

/**
 * What the escalation functions' steps do: thin wrappers over the verbs in lib/escalations, with
 * JSON-safe results (a step's return value is stored by Inngest as JSON and replayed from there).
 * The database stays the source of truth: a step re-reads it every time and holds nothing back.
 */

/** Events are input from outside: parsed at the edge. */
export const incidentEventData = z.object({ incidentId: z.string().min(1), serviceId: z.string().min(1).optional() });

export type Advanced = Omit<AdvanceResult, "nextDueAt"> & { nextDueAt: string | null };

/** "l0-r0": a cursor as it appears in step ids (level and repeat, from 0). */
export const cursorTag = (c: Cursor) => `l${c.level}-r${c.repeat}`;

/** The id of the step that carries out `next`: `notify-l1-r0`, or `failover`. */
export const stepIdFor = (next: Cursor | "failover") => (next === "failover" ? "failover" : `notify-${cursorTag(next)}`);

export function isRunning(phase: Advanced["phase"]): boolean {
  return phase === "active" || phase === "deferred";
}

/** Advances the incident's escalation as far as is due now (idempotent: a replayed step writes nothing twice). */
export async function advanceNow(incidentId: string): Promise<Advanced | null> {
  const r = await advanceEscalation(await getDb(), incidentId, now());
  return r && { ...r, nextDueAt: r.nextDueAt?.toISOString() ?? null };
}

/** Sends the given notification rows if they are due and unsent (idempotent: claims, and the row id as the send's key). */
export async function sendNow(ids: string[]): Promise<DispatchSummary> {
  return dispatchNotifications(await getDb(), now(), { ids });
}

export type Started = { phase: Advanced["phase"]; nextDueAt: string | null; cursor: Cursor | null; next: Cursor | "failover" | null; serviceId: string };

/**
 * Makes sure the incident's escalation exists (starting it if the signal's sender crashed before
 * it could) and reads where it stands. Null when the incident does not page.
 */
export async function startNow(incidentId: string): Promise<Started | null> {
  const db = await getDb();
  await startEscalation(db, incidentId, now());
  const [row] = await db
    .select({ phase: incidentEscalations.phase, level: incidentEscalations.level, repeat: incidentEscalations.repeat, nextDueAt: incidentEscalations.nextDueAt, policy: incidentEscalations.policy, serviceId: incidents.serviceId })
    .from(incidentEscalations)
    .innerJoin(incidents, eq(incidents.id, incidentEscalations.incidentId))
    .where(eq(incidentEscalations.incidentId, incidentId));
  if (!row) return null;
  const cursor = row.level === null || row.repeat === null ? null : { level: row.level, repeat: row.repeat };
  const running = isRunning(row.phase) && row.nextDueAt !== null;
  return {
    phase: row.phase,
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    cursor,
    next: running ? ((row.policy ? nextCursor(row.policy, cursor) : null) ?? "failover") : null,
    serviceId: row.serviceId,
  };
}
