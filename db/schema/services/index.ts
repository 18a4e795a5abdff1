import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { EmailRule, LowPriorityMode, Priority, RuleCondition } from "@/lib/core/alerts";
import { users } from "../auth";
import { clients } from "../clients";
import { escalationPolicies } from "../escalations/policies";
import { teams } from "../teams";

/** A monitored system: belongs to a client and a team; alerts arrive through its integration keys. */
export const services = pgTable(
  "services",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    clientId: text("client_id").notNull().references(() => clients.id, { onDelete: "restrict" }),
    teamId: text("team_id").notNull().references(() => teams.id, { onDelete: "restrict" }),
    /** Who is paged, in which order, until someone answers. */
    escalationPolicyId: text("escalation_policy_id").references(() => escalationPolicies.id, { onDelete: "set null" }),
    /** Ordered rules for the email integration: trigger, resolve or ignore, and the dedup key. */
    emailRules: jsonb("email_rules").$type<EmailRule[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("services_client_idx").on(t.clientId), index("services_team_idx").on(t.teamId)],
);

/** PagerDuty-style 32-character routing keys: the first 8 characters for lookup, SHA-256 of the whole. */
export const integrationKeys = pgTable(
  "integration_keys",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    serviceId: text("service_id").notNull().references(() => services.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull().unique(),
    hash: text("hash").notNull().unique(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("integration_keys_service_idx").on(t.serviceId)],
);

/**
 * Ordered priority rules of a client or of a service (exactly one of the two). The service's
 * list is tried first, then the client's, then the default severity mapping.
 */
export const priorityRules = pgTable(
  "priority_rules",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    clientId: text("client_id").references(() => clients.id, { onDelete: "cascade" }),
    serviceId: text("service_id").references(() => services.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    conditions: jsonb("conditions").$type<RuleCondition[]>().notNull(),
    priority: text("priority").$type<Priority>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("priority_rules_one_owner", sql`(${t.clientId} is null) <> (${t.serviceId} is null)`),
    check("priority_rules_priority", sql`${t.priority} in ('high', 'medium', 'low')`),
    uniqueIndex("priority_rules_client_position_idx").on(t.clientId, t.position).where(sql`${t.clientId} is not null`),
    uniqueIndex("priority_rules_service_position_idx").on(t.serviceId, t.position).where(sql`${t.serviceId} is not null`),
  ],
);

/** A client's alert policy beyond business hours: low alerts may be recorded without paging. */
export const clientAlertPolicies = pgTable("client_alert_policies", {
  clientId: text("client_id").primaryKey().references(() => clients.id, { onDelete: "cascade" }),
  lowPriority: text("low_priority").$type<LowPriorityMode>().notNull().default("page"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** While one is open, the service's alerts are recorded and nobody is paged. */
export const maintenanceWindows = pgTable(
  "maintenance_windows",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    serviceId: text("service_id").notNull().references(() => services.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    reason: text("reason").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("maintenance_windows_service_idx").on(t.serviceId, t.endsAt), check("maintenance_windows_order", sql`${t.endsAt} > ${t.startsAt}`)],
);

export const HEARTBEAT_STATES = ["waiting", "up", "down"] as const;
export type HeartbeatState = (typeof HEARTBEAT_STATES)[number];

/** Something that must ping a secret URL every interval; a missing ping opens an incident. */
export const heartbeatMonitors = pgTable(
  "heartbeat_monitors",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    serviceId: text("service_id").notNull().references(() => services.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    intervalSeconds: integer("interval_seconds").notNull(),
    graceSeconds: integer("grace_seconds").notNull(),
    /** The ping URL's secret, stored as prefix + SHA-256 like integration keys. */
    prefix: text("prefix").notNull().unique(),
    hash: text("hash").notNull().unique(),
    state: text("state").$type<HeartbeatState>().notNull().default("waiting"),
    lastPingAt: timestamp("last_ping_at", { withTimezone: true }),
    /** When a missing ping counts as down: last ping (or creation) + interval + grace. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("heartbeat_monitors_due_idx").on(t.dueAt), index("heartbeat_monitors_service_idx").on(t.serviceId)],
);
