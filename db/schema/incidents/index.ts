import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Priority, Severity } from "@/lib/core/alerts";
import { users } from "../auth";
import { clients } from "../clients";
import { integrationKeys, services } from "../services";
import { teams } from "../teams";
import { incidentTypes } from "../workspace/incident-types";

export const ALERT_STATUSES = ["triggered", "acknowledged", "resolved"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const INCIDENT_STATUSES = ALERT_STATUSES;
export type IncidentStatus = AlertStatus;
/** Where an event came in ("manual": a person declared the incident in Baton, lib/incidents/declare-incident.ts). */
export const ALERT_SOURCES = ["events_v2", "alertmanager", "grafana", "generic", "email", "heartbeat", "manual"] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];
export type AlertLink = { href: string; text?: string };
export type AlertImage = { src: string; href?: string; alt?: string };

/**
 * Incidents: an alert that pages. Status moves triggered → acknowledged → resolved by
 * conditional updates. `deferredUntil` is set for medium/low alerts outside the client's
 * business hours: escalation begins at that instant (the workflow issue promotes them).
 */
export const incidents = pgTable(
  "incidents",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    number: integer("number").generatedAlwaysAsIdentity().notNull().unique(),
    title: text("title").notNull(),
    status: text("status").$type<IncidentStatus>().notNull().default("triggered"),
    priority: text("priority").$type<Priority>().notNull(),
    clientId: text("client_id").notNull().references(() => clients.id, { onDelete: "restrict" }),
    serviceId: text("service_id").notNull().references(() => services.id, { onDelete: "restrict" }),
    teamId: text("team_id").notNull().references(() => teams.id, { onDelete: "restrict" }),
    escalationPolicyId: text("escalation_policy_id"),
    triggeredAt: timestamp("triggered_at", { withTimezone: true }).notNull(),
    deferredUntil: timestamp("deferred_until", { withTimezone: true }),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: text("acknowledged_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    /** The kind of incident (ransomware, phishing, service outage…): it brings its checklist. */
    typeId: text("type_id").references(() => incidentTypes.id, { onDelete: "set null" }),
    /** Need-to-know: only participants and incident managers see it; its notifications carry no details. */
    confidential: boolean("confidential").notNull().default(false),
    /** When a person first opened one of its pages (read is not acknowledged: it says a human saw it). */
    firstReadAt: timestamp("first_read_at", { withTimezone: true }),
    firstReadBy: text("first_read_by").references(() => users.id, { onDelete: "set null" }),
    /** Set when the last level's last repeat passed without the stop condition; cleared when someone takes it. */
    unansweredAt: timestamp("unanswered_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("incidents_triggered_idx").on(t.triggeredAt),
    index("incidents_client_idx").on(t.clientId, t.triggeredAt),
    index("incidents_service_idx").on(t.serviceId, t.triggeredAt),
    index("incidents_team_idx").on(t.teamId, t.triggeredAt),
    index("incidents_open_idx").on(t.status).where(sql`${t.status} <> 'resolved'`),
    index("incidents_unanswered_idx").on(t.unansweredAt).where(sql`${t.unansweredAt} is not null`),
    index("incidents_deferred_idx").on(t.deferredUntil).where(sql`${t.deferredUntil} is not null and ${t.promotedAt} is null and ${t.status} = 'triggered'`),
    // Reports (bench:reports, EXPLAIN in the README): a team's page instants in a period (lib/schedules/page-times.ts,
    // once per team in the load report), answered by an index-only range scan (the trailing columns make it covering).
    index("incidents_team_paged_idx").on(t.teamId, sql`(case when ${t.deferredUntil} is null then ${t.triggeredAt} else ${t.promotedAt} end)`, t.deferredUntil, t.triggeredAt, t.promotedAt),
    // Incidents each person acknowledged in a period (load report): index-only.
    index("incidents_acknowledged_by_idx").on(t.acknowledgedBy, t.triggeredAt),
    check("incidents_status", sql`${t.status} in ('triggered', 'acknowledged', 'resolved')`),
    check("incidents_priority", sql`${t.priority} in ('high', 'medium', 'low')`),
  ],
);

/**
 * One row per deduplicated problem on a service. The unique partial index allows one open
 * (not resolved) alert per service and dedup key, so concurrent triggers join one alert.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    serviceId: text("service_id").notNull().references(() => services.id, { onDelete: "cascade" }),
    clientId: text("client_id").notNull().references(() => clients.id, { onDelete: "cascade" }),
    teamId: text("team_id").notNull().references(() => teams.id, { onDelete: "cascade" }),
    incidentId: text("incident_id").references(() => incidents.id, { onDelete: "set null" }),
    dedupKey: text("dedup_key").notNull(),
    status: text("status").$type<AlertStatus>().notNull().default("triggered"),
    source: text("source").$type<AlertSource>().notNull(),
    summary: text("summary").notNull(),
    severity: text("severity").$type<Severity>().notNull(),
    eventSource: text("event_source"),
    component: text("component"),
    group: text("group"),
    class: text("class"),
    customDetails: jsonb("custom_details"),
    links: jsonb("links").$type<AlertLink[]>().notNull().default([]),
    images: jsonb("images").$type<AlertImage[]>().notNull().default([]),
    /** PagerDuty's `client` and `client_url`: the monitoring tool that sent it. */
    senderName: text("sender_name"),
    senderUrl: text("sender_url"),
    priority: text("priority").$type<Priority>().notNull(),
    /** Which rule decided the priority: { scope, id, name, position } or null for the default mapping. */
    priorityRule: jsonb("priority_rule").$type<{ scope: "service" | "client"; id: string | null; name: string; position: number } | null>(),
    /** Recorded without paging: "maintenance" or "low_record_only"; null when it paged or waits. */
    suppressedReason: text("suppressed_reason"),
    eventCount: integer("event_count").notNull().default(1),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alerts_open_dedup_idx").on(t.serviceId, t.dedupKey).where(sql`${t.status} <> 'resolved'`),
    index("alerts_service_idx").on(t.serviceId, t.firstSeenAt),
    index("alerts_incident_idx").on(t.incidentId),
    check("alerts_status", sql`${t.status} in ('triggered', 'acknowledged', 'resolved')`),
  ],
);

/** Every accepted event with its raw payload (the routing key redacted), for debugging integrations. */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    serviceId: text("service_id").notNull().references(() => services.id, { onDelete: "cascade" }),
    alertId: text("alert_id").references(() => alerts.id, { onDelete: "set null" }),
    integrationKeyId: text("integration_key_id").references(() => integrationKeys.id, { onDelete: "set null" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    source: text("source").$type<AlertSource>().notNull(),
    action: text("action").$type<"trigger" | "acknowledge" | "resolve" | "ignore">().notNull(),
    dedupKey: text("dedup_key").notNull(),
    /** created | deduplicated | acknowledged | resolved | dropped (nothing open to apply it to) | ignored (an email rule said so). */
    outcome: text("outcome").notNull(),
    payload: jsonb("payload").notNull(),
  },
  (t) => [index("alert_events_alert_idx").on(t.alertId, t.receivedAt), index("alert_events_service_idx").on(t.serviceId, t.receivedAt)],
);

export const TIMELINE_KINDS = [
  "triggered",
  "received",
  "deduplicated",
  "prioritised",
  "deferred",
  "promoted",
  "escalation",
  "notified",
  "delivered",
  "read",
  "notification_failed",
  "nobody_on_call",
  "escalated",
  "repeated",
  "failed_over",
  "acknowledged",
  "resolved",
  "note",
  "evidence",
  "custody",
  "stakeholder_update",
  "role_assigned",
  "role_removed",
  "joined",
  "left",
  "type_set",
  "checklist",
  "status_update",
  "confidentiality",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const ACTOR_TYPES = ["user", "integration", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Everything that happens to an incident, one row each, with a UTC time and an actor. Append-only. */
export const incidentTimeline = pgTable(
  "incident_timeline",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    incidentId: text("incident_id").notNull().references(() => incidents.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    kind: text("kind").$type<TimelineKind>().notNull(),
    actorType: text("actor_type").$type<ActorType>().notNull(),
    /** A user id for people, an integration key id for integrations, null for Baton itself. */
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    message: text("message").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** Internal rows (notes, raw-event receipts, rule names) are not shown to stakeholders. */
    internal: boolean("internal").notNull().default(true),
  },
  (t) => [index("incident_timeline_incident_idx").on(t.incidentId, t.at, t.id)],
);
