import { z } from "zod";
import { SEVERITIES } from "@/lib/core/alerts";
import { EVENT_ACTIONS, imageSchema, linkSchema, MAX_DEDUP_KEY, MAX_DETAILS_DEPTH, MAX_SUMMARY, nestedDeeperThan, type IngestEvent } from "./event-schema";

/** PagerDuty's own limit on an Events API v2 request body. */
export const PAGERDUTY_MAX_BODY_BYTES = 512 * 1024;

const text = z.string().max(1024, "must be at most 1024 characters");

/** The PagerDuty Events API v2 event, field for field (unknown fields are ignored, as PagerDuty does). */
const pagerDutyEventObject = z
  .object({
    routing_key: z.string({ message: "is missing or not a string" }).min(1, "is missing or blank"),
    event_action: z.enum(EVENT_ACTIONS, { message: "must be one of trigger, acknowledge, resolve" }),
    dedup_key: z.string({ message: "must be a string" }).min(1, "must not be blank").max(MAX_DEDUP_KEY, `must be at most ${MAX_DEDUP_KEY} characters`).optional(),
    payload: z
      .object({
        summary: z.string({ message: "is missing or not a string" }).trim().min(1, "is missing or blank").max(MAX_SUMMARY, `must be at most ${MAX_SUMMARY} characters`),
        source: z.string({ message: "is missing or not a string" }).trim().min(1, "is missing or blank").max(1024, "must be at most 1024 characters"),
        severity: z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(", ")}` }),
        timestamp: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
        component: text.optional(),
        group: text.optional(),
        class: text.optional(),
        custom_details: z.unknown().refine((v) => !nestedDeeperThan(v, MAX_DETAILS_DEPTH), `must not be nested more than ${MAX_DETAILS_DEPTH} levels deep`).optional(),
      })
      .optional(),
    client: text.optional(),
    client_url: z.string().max(2048, "must be at most 2048 characters").optional(),
    links: z.array(linkSchema).max(100, "at most 100 links").optional(),
    images: z.array(imageSchema).max(100, "at most 100 images").optional(),
  })
  .superRefine((e, ctx) => {
    if (e.event_action === "trigger" && !e.payload) ctx.addIssue({ code: "custom", path: ["payload"], message: "is required for a trigger" });
    if (e.event_action !== "trigger" && !e.dedup_key) ctx.addIssue({ code: "custom", path: ["dedup_key"], message: `is required to ${e.event_action}` });
  });

/**
 * PagerDuty reads `payload` only for a trigger: on acknowledge and resolve it is ignored whatever
 * it holds (so is it here; the raw event still keeps it).
 */
export const pagerDutyEventSchema = z.preprocess((body) => {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const action = (body as { event_action?: unknown }).event_action;
  return action === "acknowledge" || action === "resolve" ? { ...body, payload: undefined } : body;
}, pagerDutyEventObject);
export type PagerDutyEvent = z.output<typeof pagerDutyEventSchema>;

/** Parses a PagerDuty event; issues carry their input, so that `pagerDutyErrors` can tell missing from wrong. */
export function parsePagerDutyEvent(body: unknown) {
  return pagerDutyEventSchema.safeParse(body, { reportInput: true });
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** PagerDuty's error list style: "payload.summary is missing or blank", "links must be an array". */
export function pagerDutyErrors(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join(".");
    if (i.code === "invalid_type") return `${path} ${i.input === undefined ? "is missing" : `must be ${article(i.expected)}`}`;
    return path ? `${path} ${i.message}` : i.message;
  });
}

export function pagerDutyToIngestEvent(e: PagerDutyEvent): IngestEvent {
  return {
    action: e.event_action,
    dedupKey: e.dedup_key,
    summary: e.payload?.summary,
    severity: e.payload?.severity,
    source: e.payload?.source,
    component: e.payload?.component,
    group: e.payload?.group,
    class: e.payload?.class,
    customDetails: e.payload?.custom_details,
    links: e.links ?? [],
    images: e.images ?? [],
    senderName: e.client,
    senderUrl: e.client_url,
  };
}
