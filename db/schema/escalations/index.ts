import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Channel, EscalationPhase, NotificationRule, PolicySnapshot } from "@/lib/core/escalation";
import { users } from "../auth";
import { incidents } from "../incidents";

export * from "./policies";

/**
 * Where each incident's escalation stands: the policy snapshot taken when it triggered, the last
 * level notified, and when the next step is due. The drivers claim due rows (SKIP LOCKED).
 */
export const incidentEscalations = pgTable(
  "incident_escalations",
  {
    incidentId: text("incident_id")
      .primaryKey()
      .references(() => incidents.id, { onDelete: "cascade" }),
    /** Null when the service had no policy: the escalation fails over at once. */
    policy: jsonb("policy").$type<PolicySnapshot | null>(),
    phase: text("phase").$type<EscalationPhase>().notNull(),
    level: integer("level"),
    repeat: integer("repeat"),
    /**
     * How many levels the policy snapshot has, kept by the database: the response report's
     * "reached level 2+" reads it from incident_escalations_report_idx instead of the snapshot.
     */
    policyLevels: integer("policy_levels").generatedAlwaysAs(sql`jsonb_array_length(coalesce(policy -> 'levels', '[]'::jsonb))`),
    nextDueAt: timestamp("next_due_at", { withTimezone: true }),
    stopReason: text("stop_reason"),
    /** Steps carried out so far (each notify, the failover, the stop): a cheap version for drivers. */
    steps: integer("steps").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("incident_escalations_due_idx").on(t.nextDueAt).where(sql`${t.phase} in ('deferred', 'active')`),
    // The response report's per-incident escalation facts, read index-only beside the period's incidents.
    index("incident_escalations_report_idx").on(t.incidentId, t.phase, t.level, t.repeat, t.policyLevels),
    check("incident_escalations_phase", sql`${t.phase} in ('deferred', 'active', 'stopped', 'failed_over')`),
  ],
);

export const NOTIFICATION_STATES = ["pending", "sent", "delivered", "read", "failed", "cancelled"] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];
export const NOTIFICATION_KINDS = ["page", "failover"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * One row per (incident, level, repeat, recipient, channel), written in the transaction that
 * advances the escalation; its id is the send's idempotency key. A failover email is a row of
 * kind "failover" at level -1. `recipient` is the user id, or "mailto:<address>" for a plain
 * address. State: pending → sent → delivered → read, or failed (with the reason), or cancelled
 * (the incident was acknowledged or resolved before it was due).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull().default("page"),
    level: integer("level").notNull(),
    repeat: integer("repeat").notNull(),
    recipient: text("recipient").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    email: text("email"),
    channel: text("channel").$type<Channel>().notNull(),
    state: text("state").$type<NotificationState>().notNull().default("pending"),
    /** When the next send (the first, a retry, or an until-read reminder) is due. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    /** A sender holds the row until then; another may take it over after (a crash mid-send). */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    sends: integer("sends").notNull().default(0),
    lastError: text("last_error"),
    /** The transport's message id (Resend's email id, the outbox row, the push service's location). */
    providerId: text("provider_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_once_idx").on(t.incidentId, t.level, t.repeat, t.recipient, t.channel),
    index("notifications_due_idx").on(t.dueAt).where(sql`${t.dueAt} is not null`),
    index("notifications_user_idx").on(t.userId, t.state),
    // By incident in creation order; the trailing columns make the delivery report's per-incident lookups index-only.
    index("notifications_incident_idx").on(t.incidentId, t.createdAt, t.state, t.channel, t.readAt),
    // Pages each person received in a period (load report's interruptions): index-only on the period, no sort by person.
    index("notifications_user_page_idx").on(t.userId, t.createdAt, t.state, t.sentAt, t.incidentId).where(sql`${t.kind} = 'page'`),
    check("notifications_state", sql`${t.state} in ('pending', 'sent', 'delivered', 'read', 'failed', 'cancelled')`),
    check("notifications_channel", sql`${t.channel} in ('in_app', 'email', 'push')`),
    check("notifications_recipient", sql`(${t.userId} is not null) or (${t.email} is not null)`),
  ],
);

/** Per-person notification rules: which channels, how soon, and how often to repeat until read. */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  rules: jsonb("rules").$type<NotificationRule[]>().notNull(),
  repeatEveryMinutes: integer("repeat_every_minutes").notNull().default(2),
  shiftReminders: text("shift_reminders").$type<"on" | "off">().notNull().default("on"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Web push subscriptions, one per device and browser. */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId)],
);

/** Handoff reminders sent ("your shift starts in 1 hour", the weekly digest): one per person and occasion. */
export const shiftReminders = pgTable(
  "shift_reminders",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"starts_soon" | "weekly_digest">().notNull(),
    /** The occasion: the shift's schedule and start, or the digest's week. */
    occasion: text("occasion").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.occasion] })],
);
