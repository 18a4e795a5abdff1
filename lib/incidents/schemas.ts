import { z } from "zod";
import { ACTOR_TYPES, ALERT_SOURCES, INCIDENT_STATUSES, TIMELINE_KINDS } from "@/db/schema";
import { PRIORITIES, SEVERITIES } from "@/lib/core/alerts";
import { pageQuerySchema } from "@/lib/api/pagination";
import { boolish, idSchema, instantTextSchema } from "@/lib/http/common-schemas";

export const INCIDENT_STATUS_FILTERS = ["open", ...INCIDENT_STATUSES] as const;

export const incidentListQuery = pageQuerySchema.extend({
  status: z.enum(INCIDENT_STATUS_FILTERS).optional(),
  priority: z.enum(PRIORITIES).optional(),
  clientId: idSchema.optional(),
  teamId: idSchema.optional(),
  serviceId: idSchema.optional(),
  since: instantTextSchema("Use an ISO 8601 date-time").optional(),
  until: instantTextSchema("Use an ISO 8601 date-time").optional(),
  q: z.string().trim().max(200, "At most 200 characters").optional(),
  /** Only incidents whose every level and repeat passed unanswered, until someone takes them. */
  unanswered: boolish.optional(),
});
export type IncidentListQuery = z.output<typeof incidentListQuery>;

export const incidentIdInput = z.object({ incidentId: idSchema });

export const MAX_DECLARED_TITLE = 1024;
export const MAX_DECLARED_DETAILS = 10_000;
/** Declaring an incident by hand (a phishing report by phone): it goes through ingestion like any alert. */
export const declareIncidentInput = z.object({
  serviceId: idSchema,
  title: z.string().trim().min(1, "Required").max(MAX_DECLARED_TITLE, `At most ${MAX_DECLARED_TITLE} characters`),
  details: z.string().trim().max(MAX_DECLARED_DETAILS, "At most 10,000 characters").nullish(),
  /** Left out (or null): high, as for a generic alert. Either way the service's and client's priority rules still apply. */
  priority: z.enum(PRIORITIES).nullish(),
});
export const addIncidentNoteInput = z.object({ incidentId: idSchema, body: z.string().trim().min(1, "Write something").max(5000, "At most 5000 characters") });

const ref = z.object({ id: z.string(), name: z.string() });
export const incidentOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  priority: z.enum(PRIORITIES),
  client: ref.extend({ timeZone: z.string() }),
  service: ref,
  /** Null for stakeholders (the MSP's team structure is internal). */
  team: ref.nullable(),
  triggeredAt: z.iso.datetime(),
  deferredUntil: z.iso.datetime().nullable(),
  promotedAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: ref.nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: ref.nullable(),
  /** Set when the escalation failed over with nobody answering; cleared on acknowledge or resolve. */
  unansweredAt: z.iso.datetime().nullable(),
  /** Need-to-know: only participants, incident managers and admins who broke the glass see it. */
  confidential: z.boolean(),
  /** The incident type (its checklist came from that type's template), if set. */
  typeId: z.string().nullable(),
});
export type IncidentOutput = z.infer<typeof incidentOutput>;

export const alertOutput = z.object({
  id: z.string(),
  dedupKey: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  source: z.enum(ALERT_SOURCES),
  summary: z.string(),
  severity: z.enum(SEVERITIES),
  eventSource: z.string().nullable(),
  component: z.string().nullable(),
  group: z.string().nullable(),
  class: z.string().nullable(),
  customDetails: z.unknown(),
  links: z.array(z.object({ href: z.string(), text: z.string().optional() })),
  images: z.array(z.object({ src: z.string(), href: z.string().optional(), alt: z.string().optional() })),
  senderName: z.string().nullable(),
  senderUrl: z.string().nullable(),
  priorityRule: z.object({ scope: z.enum(["service", "client"]), id: z.string().nullable(), name: z.string(), position: z.number().int() }).nullable(),
  eventCount: z.number().int(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});
export type AlertOutput = z.infer<typeof alertOutput>;

export const incidentDetailOutput = incidentOutput.extend({
  /** The alert behind the incident: null for stakeholders. */
  alert: alertOutput.nullable(),
});
export type IncidentDetailOutput = z.infer<typeof incidentDetailOutput>;

export const declaredIncidentOutput = incidentDetailOutput.extend({
  /** "page": escalation starts now; "defer": a medium or low one outside the client's business hours waits until `deferredUntil`. */
  paging: z.enum(["page", "defer"]),
});
export type DeclaredIncidentOutput = z.infer<typeof declaredIncidentOutput>;

export const timelineEntryOutput = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  kind: z.enum(TIMELINE_KINDS),
  actor: z.object({ type: z.enum(ACTOR_TYPES), id: z.string().nullable(), label: z.string() }),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  internal: z.boolean(),
});
export type TimelineEntryOutput = z.infer<typeof timelineEntryOutput>;

export const alertEventOutput = z.object({
  id: z.number().int(),
  receivedAt: z.iso.datetime(),
  source: z.enum(ALERT_SOURCES),
  action: z.string(),
  outcome: z.string(),
  dedupKey: z.string(),
  payload: z.unknown(),
});
export type AlertEventOutput = z.infer<typeof alertEventOutput>;
