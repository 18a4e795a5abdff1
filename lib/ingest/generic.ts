import { z } from "zod";
import type { Severity } from "@/lib/core/alerts";
import { EVENT_ACTIONS, MAX_DEDUP_KEY, MAX_DETAILS_DEPTH, MAX_SUMMARY, nestedDeeperThan, type IngestEvent } from "./event-schema";

/** POST /api/v1/alerts: the simplest form for scripts. */
export const genericAlertSchema = z
  .object({
    summary: z.string().trim().min(1, "Required").max(MAX_SUMMARY, `At most ${MAX_SUMMARY} characters`).optional(),
    details: z.unknown().refine((v) => !nestedDeeperThan(v, MAX_DETAILS_DEPTH), `Must not be nested more than ${MAX_DETAILS_DEPTH} levels deep`).optional(),
    dedupKey: z.string().trim().min(1, "Must not be blank").max(MAX_DEDUP_KEY, `At most ${MAX_DEDUP_KEY} characters`).optional(),
    priority: z.enum(["high", "medium", "low"]).optional(),
    action: z.enum(EVENT_ACTIONS).default("trigger"),
    source: z.string().trim().max(1024, "At most 1024 characters").optional(),
  })
  .superRefine((a, ctx) => {
    if (a.action === "trigger" && !a.summary) ctx.addIssue({ code: "custom", path: ["summary"], message: "Required for a trigger" });
    if (a.action !== "trigger" && !a.dedupKey) ctx.addIssue({ code: "custom", path: ["dedupKey"], message: `Required to ${a.action}` });
  });

// The sender's priority becomes the severity that maps to it, so the client's rules still apply.
const SEVERITY_FOR: Record<"high" | "medium" | "low", Severity> = { high: "critical", medium: "warning", low: "info" };

export function genericToIngestEvent(a: z.output<typeof genericAlertSchema>): IngestEvent {
  return {
    action: a.action,
    dedupKey: a.dedupKey,
    summary: a.summary,
    severity: SEVERITY_FOR[a.priority ?? "high"],
    source: a.source ?? null,
    customDetails: a.details,
    links: [],
    images: [],
  };
}
