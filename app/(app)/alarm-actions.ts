"use server";

import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { BatonError } from "@/lib/errors";
import { readIncidentPages } from "@/lib/escalations/read-incident-pages";
import { acknowledgeIncident } from "@/lib/incidents/acknowledge-incident";
import type { AcknowledgeResult } from "@/components/alarms/incident-alarm";

/** "Acknowledge" on the portal's alarm: the incident acknowledge verb, its expected errors as a result. */
export async function acknowledgeFromAlarmAction(incidentId: string): Promise<AcknowledgeResult> {
  const ctx = await requireSessionCtx();
  try {
    await acknowledgeIncident({ ctx, input: { incidentId } });
    return { ok: true };
  } catch (e) {
    if (e instanceof BatonError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/** The incident page, once shown, marks the viewer's pages for it read (a POST, never the GET render). */
export async function readIncidentPagesAction(incidentId: string): Promise<{ changed: boolean }> {
  const ctx = await requireSessionCtx();
  try {
    return await readIncidentPages({ ctx, input: { incidentId } });
  } catch (e) {
    if (e instanceof BatonError) return { changed: false };
    throw e;
  }
}
