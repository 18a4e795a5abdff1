import type { Database } from "@/db/client";
import { workflowDriver } from "@/lib/env";
import { startEscalation } from "./start-escalation";

/**
 * What the rest of Baton tells the paging workflow. The database is the source of truth: each
 * signal follows a committed change, and a lost signal only delays work the embedded driver's
 * ticker or the Inngest auditor finds anyway.
 */

type Waker = () => void;
const WAKER = Symbol.for("baton.escalation-waker");

/** The embedded driver registers how to run a tick at once (so a page doesn't wait for the next second). */
export function setEmbeddedWaker(w: Waker | undefined): void {
  (globalThis as Record<symbol, unknown>)[WAKER] = w;
}

function wakeEmbedded(): void {
  const w = (globalThis as Record<symbol, unknown>)[WAKER] as Waker | undefined;
  w?.();
}

async function sendInngest(name: string, id: string, data: Record<string, unknown>): Promise<void> {
  const { inngest } = await import("@/inngest/client");
  await inngest.send({ name, id, data });
}

/** A new incident pages (now or at business hours): snapshot the policy and start its escalation. */
export async function incidentTriggered(db: Database, incidentId: string, now: Date): Promise<void> {
  const started = await startEscalation(db, incidentId, now);
  if (started?.started) await escalationStarted(incidentId, started.serviceId, started.nextDueAt);
}

/** An escalation row was written (ingestion writes it with the incident, in one statement): run it. */
export async function escalationStarted(incidentId: string, serviceId: string, dueAt: Date): Promise<void> {
  if (workflowDriver() === "inngest") {
    // The event id de-duplicates: one escalation run per incident, however often this is sent;
    // the service id keys the function's concurrency (one noisy service can't starve the rest).
    await sendInngest("incident/triggered", `incident-triggered-${incidentId}`, { incidentId, serviceId, dueAt: dueAt.toISOString() });
  } else {
    wakeEmbedded();
  }
}

/** Someone took the incident (acknowledged or resolved it): escalation runs stop at once. */
export async function incidentAnswered(incidentId: string, how: "acknowledged" | "resolved"): Promise<void> {
  if (workflowDriver() === "inngest") await sendInngest(`incident/${how}`, `incident-${how}-${incidentId}`, { incidentId });
  else wakeEmbedded();
}

/** A page was read: a policy that stops on read stops; the driver must look now. */
export async function incidentRead(incidentId: string): Promise<void> {
  if (workflowDriver() === "inngest") await sendInngest("incident/read", `incident-read-${incidentId}-${Date.now()}`, { incidentId });
  else wakeEmbedded();
}
