import { sql } from "drizzle-orm";
import { bigserial, boolean, check, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "../auth";
import { clients } from "../clients";
import { incidents } from "../incidents";

export * from "./incident-types";

/** Raw bytes (evidence uploads). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const RESPONSE_ROLES = ["incident_manager", "triage_analyst", "forensic_analyst", "threat_researcher", "communications_lead", "responder"] as const;
export type ResponseRole = (typeof RESPONSE_ROLES)[number];

/** Who works an incident, in which role; leaving sets `leftAt` (the row stays, as the timeline does). */
export const incidentParticipants = pgTable(
  "incident_participants",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<ResponseRole>().notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("incident_participants_active_idx").on(t.incidentId, t.userId, t.role).where(sql`${t.leftAt} is null`),
    index("incident_participants_user_idx").on(t.userId),
    check("incident_participants_role", sql`${t.role} in ('incident_manager', 'triage_analyst', 'forensic_analyst', 'threat_researcher', 'communications_lead', 'responder')`),
  ],
);

/** An incident's own checklist, copied from its type's template when the type is set; ticking is a timeline row. */
export const incidentChecklistItems = pgTable(
  "incident_checklist_items",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    section: text("section").notNull().default(""),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: text("done_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("incident_checklist_items_incident_idx").on(t.incidentId, t.position)],
);

export const STATUS_PHASES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type StatusPhase = (typeof STATUS_PHASES)[number];

/** Status updates (investigating → identified → monitoring → resolved) with a message. */
export const incidentStatusUpdates = pgTable(
  "incident_status_updates",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    phase: text("phase").$type<StatusPhase>().notNull(),
    message: text("message").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("incident_status_updates_incident_idx").on(t.incidentId, t.at), check("incident_status_updates_phase", sql`${t.phase} in ('investigating', 'identified', 'monitoring', 'resolved')`)],
);

/** An admin who broke the glass on a confidential incident: who, when and why (each read is audited too). */
export const incidentBreakGlass = pgTable(
  "incident_break_glass",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("incident_break_glass_idx").on(t.incidentId, t.userId, t.expiresAt)],
);

/** Evidence: what, where and how it was collected, by whom and when, its SHA-256, and the bytes when uploaded. */
export const evidenceItems = pgTable(
  "evidence_items",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    location: text("location").notNull().default(""),
    method: text("method").notNull().default(""),
    collectedBy: text("collected_by").references(() => users.id, { onDelete: "set null" }),
    collectedAt: timestamp("collected_at", { withTimezone: true }).notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size"),
    contentType: text("content_type"),
    /** The upload itself, when stored in the database (up to EVIDENCE_MAX_BYTES); null for evidence kept elsewhere. */
    content: bytea("content"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("evidence_items_incident_idx").on(t.incidentId, t.createdAt), check("evidence_items_sha256", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)],
);

/** The chain of custody: each handover appended, never edited (a trigger refuses UPDATE and DELETE). */
export const evidenceCustody = pgTable(
  "evidence_custody",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    evidenceId: text("evidence_id")
      .notNull()
      .references(() => evidenceItems.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    fromLabel: text("from_label").notNull(),
    toLabel: text("to_label").notNull(),
    purpose: text("purpose").notNull().default(""),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("evidence_custody_evidence_idx").on(t.evidenceId, t.id)],
);

export const CONTACT_ROLES = ["owner", "management", "partner", "vendor", "customer", "legal"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** A client's stakeholder directory: who to tell, through which channel, and when to call. */
export const clientContacts = pgTable(
  "client_contacts",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role").$type<ContactRole>().notNull(),
    email: text("email"),
    phone: text("phone"),
    preferredChannel: text("preferred_channel").$type<"email" | "phone" | "sms">().notNull().default("email"),
    whenToCall: text("when_to_call").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("client_contacts_client_idx").on(t.clientId), check("client_contacts_role", sql`${t.role} in ('owner', 'management', 'partner', 'vendor', 'customer', 'legal')`)],
);

/** Message templates per audience (a client's own, or everyone's when `clientId` is null), with {{variables}}. */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    clientId: text("client_id").references(() => clients.id, { onDelete: "cascade" }),
    audience: text("audience").$type<ContactRole>().notNull(),
    name: text("name").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("message_templates_client_idx").on(t.clientId, t.audience)],
);

/** A stakeholder update as sent: per recipient the rendered subject and body (stakeholders see theirs, never internal notes). */
export const stakeholderUpdates = pgTable(
  "stakeholder_updates",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    audiences: jsonb("audiences").$type<ContactRole[]>().notNull(),
    sentBy: text("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    /** Per audience: { audience, subject, body, recipients: [{ contactId, name, email }] }. */
    messages: jsonb("messages").$type<{ audience: ContactRole; subject: string; body: string; recipients: { contactId: string; name: string; email: string }[] }[]>().notNull(),
  },
  (t) => [index("stakeholder_updates_incident_idx").on(t.incidentId, t.sentAt)],
);

export const POSTMORTEM_STATUSES = ["draft", "in_review", "published"] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

/** The post-mortem of a resolved incident: facts captured at resolution, the blameless form, the alerting review as fields. */
export const postmortems = pgTable(
  "postmortems",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    incidentId: text("incident_id")
      .notNull()
      .unique()
      .references(() => incidents.id, { onDelete: "cascade" }),
    status: text("status").$type<PostmortemStatus>().notNull().default("draft"),
    /** The published revision number (0 before the first publication). */
    revision: integer("revision").notNull().default(0),
    /** Facts filled in at resolution: timeline, time to acknowledge/resolve, notifications, services, responders. */
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull(),
    starredTimelineIds: jsonb("starred_timeline_ids").$type<number[]>().notNull().default([]),
    /** The form's free-text sections (summary, impact, the seeds' questions, contributing factors, lessons). */
    sections: jsonb("sections").$type<Record<string, string>>().notNull().default({}),
    alertReal: text("alert_real").$type<"real" | "could_wait" | "no_issue">(),
    reachedRightPerson: text("reached_right_person").$type<"yes" | "missed" | "unable_to_handle">(),
    enoughInformation: boolean("enough_information"),
    informationToAdd: text("information_to_add"),
    meetingAt: timestamp("meeting_at", { withTimezone: true }),
    meetingAttendees: jsonb("meeting_attendees").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [check("postmortems_status", sql`${t.status} in ('draft', 'in_review', 'published')`)],
);

/** Published versions, immutable: editing a published post-mortem makes a new revision. */
export const postmortemRevisions = pgTable(
  "postmortem_revisions",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    postmortemId: text("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("postmortem_revisions_idx").on(t.postmortemId, t.revision)],
);

export const postmortemReviewers = pgTable(
  "postmortem_reviewers",
  {
    postmortemId: text("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("postmortem_reviewers_idx").on(t.postmortemId, t.userId)],
);

export const postmortemComments = pgTable(
  "postmortem_comments",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    postmortemId: text("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("postmortem_comments_idx").on(t.postmortemId, t.at)],
);

export const ACTION_ITEM_TYPES = ["fix", "prevent", "detect", "mitigate", "training", "update_plan"] as const;
export type ActionItemType = (typeof ACTION_ITEM_TYPES)[number];

export const postmortemActionItems = pgTable(
  "postmortem_action_items",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    postmortemId: text("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: text("due_date"),
    status: text("status").$type<"open" | "in_progress" | "done">().notNull().default("open"),
    type: text("type").$type<ActionItemType>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("postmortem_action_items_idx").on(t.postmortemId), index("postmortem_action_items_due_idx").on(t.status, t.dueDate)],
);
