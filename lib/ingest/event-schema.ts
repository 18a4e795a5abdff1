import { z } from "zod";
import type { AlertSource } from "@/db/schema";
import { SEVERITIES } from "@/lib/core/alerts";

export const EVENT_ACTIONS = ["trigger", "acknowledge", "resolve"] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const MAX_SUMMARY = 1024;
export const MAX_DEDUP_KEY = 255;
/** Custom details are stored, shown and matched by rules: no real sender nests them deeper. */
export const MAX_DETAILS_DEPTH = 32;
/** A whole ingested payload (stored raw): room for the details plus the envelope around them. */
export const MAX_PAYLOAD_DEPTH = 40;

/**
 * Whether JSON nests more than `max` arrays or objects deep (a scalar is 0, `[]` and `{}` are 1).
 * Stops as soon as it knows, so it never recurses much deeper than `max` itself: an event nested
 * thousands of levels deep would overflow the stack of anything that walks it (JSON.stringify).
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== "object") return false;
  if (max <= 0) return true;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (nestedDeeperThan(item, max - 1)) return true;
  return false;
}

const text = z.string().max(1024, "At most 1024 characters");
const url = z.string().max(2048, "At most 2048 characters");

export const linkSchema = z.object({ href: url.min(1, "Required"), text: text.optional() });
export const imageSchema = z.object({ src: url.min(1, "Required"), href: url.optional(), alt: text.optional() });

/** One event in Baton's own terms: what every integration (PagerDuty, Alertmanager, email…) is turned into. */
export const ingestEventSchema = z
  .object({
    action: z.enum(EVENT_ACTIONS),
    dedupKey: z.string().min(1).max(MAX_DEDUP_KEY, `At most ${MAX_DEDUP_KEY} characters`).optional(),
    summary: z.string().trim().min(1, "Required").max(MAX_SUMMARY, `At most ${MAX_SUMMARY} characters`).optional(),
    severity: z.enum(SEVERITIES).default("error"),
    source: text.nullish(),
    component: text.nullish(),
    group: text.nullish(),
    class: text.nullish(),
    customDetails: z.unknown().optional(),
    links: z.array(linkSchema).max(100, "At most 100 links").default([]),
    images: z.array(imageSchema).max(100, "At most 100 images").default([]),
    senderName: text.nullish(),
    senderUrl: url.nullish(),
  })
  .refine((e) => e.action !== "trigger" || e.summary !== undefined, { message: "A trigger needs a summary", path: ["summary"] })
  .refine((e) => e.action === "trigger" || e.dedupKey !== undefined, { message: "Acknowledge and resolve need the dedup key of the alert", path: ["dedupKey"] });
export type IngestEvent = z.input<typeof ingestEventSchema>;

export const SOURCE_LABELS: Record<AlertSource, string> = {
  events_v2: "Events API v2",
  alertmanager: "Alertmanager",
  grafana: "Grafana",
  generic: "Alerts API",
  email: "Email",
  heartbeat: "Heartbeat monitor",
  manual: "Declared by hand",
};

/** Routing keys never reach storage: the raw payload keeps only the key's public prefix. */
export function redactRoutingKey(payload: unknown): unknown {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return payload;
  const p = payload as Record<string, unknown>;
  if (!("routing_key" in p)) return payload;
  const key = typeof p.routing_key === "string" ? p.routing_key : "";
  return { ...p, routing_key: key.length >= 8 ? `${key.slice(0, 8)}…(redacted)` : "(redacted)" };
}
