import type { STATUS_PHASE_LABELS } from "@/lib/workspace/schemas";

type Phase = keyof typeof STATUS_PHASE_LABELS;

/**
 * The phase the incident's Status panel shows as "Now": the latest status update's, except that
 * a resolved incident is resolved whatever the last update said (Resolve posts no status update,
 * so "Now Identified" lingered after it). `fromUpdate` tells whether an update says so.
 */
export function currentPhase(latest: Phase | null | undefined, incidentStatus: string): { phase: Phase; fromUpdate: boolean } | null {
  if (incidentStatus === "resolved") return { phase: "resolved", fromUpdate: latest === "resolved" };
  return latest ? { phase: latest, fromUpdate: true } : null;
}
