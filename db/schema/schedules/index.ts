import { boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "../auth";
import { clients } from "../clients";
import { teams } from "../teams";

export const SHIFT_UNITS = ["hours", "days", "weeks"] as const;
export const OVERRIDE_ORIGINS = ["override", "swap"] as const;
export const SWAP_KINDS = ["swap", "cover"] as const;
export const SWAP_STATUSES = ["pending", "accepted", "approved", "declined", "rejected", "cancelled", "reverted"] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];
export const FEED_KINDS = ["person", "schedule"] as const;

export type RestrictionJson = { weekdays: number[]; start: string; end: string };

/** Who is on call for a team: layers of rotations in one time zone. */
export const schedules = pgTable(
  "schedules",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    timeZone: text("time_zone").notNull(),
    teamId: text("team_id").references(() => teams.id, { onDelete: "set null" }),
    /** Holidays (for burden weights) come from this client, if set. */
    clientId: text("client_id").references(() => clients.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("schedules_team_idx").on(t.teamId)],
);

/** What makes a rotation: a layer's current one and each kept version (fresh builders per table). */
const rotationColumns = () => ({
  shiftUnit: text("shift_unit", { enum: SHIFT_UNITS }).notNull(),
  shiftCount: integer("shift_count").notNull(),
  handoffTime: text("handoff_time").notNull(),
  handoffWeekday: integer("handoff_weekday"),
  startDate: date("start_date", { mode: "string" }).notNull(),
  restrictions: jsonb("restrictions").$type<RestrictionJson[]>().notNull().default([]),
});

/** One rotation. Higher `position` wins where it has someone. `version` bumps on every edit. */
export const scheduleLayers = pgTable(
  "schedule_layers",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    scheduleId: text("schedule_id").notNull().references(() => schedules.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    ...rotationColumns(),
    version: integer("version").notNull().default(1),
    /** Deleted after it had started: gone from now on, its past kept (null while in use). */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("schedule_layers_schedule_idx").on(t.scheduleId)],
);

/** The rotation order of a layer (a person may appear more than once). */
export const layerParticipants = pgTable(
  "schedule_layer_participants",
  {
    layerId: text("layer_id").notNull().references(() => scheduleLayers.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.layerId, t.position] })],
);

/**
 * A layer's rotation as it was before an edit changed who is on call when: the past keeps the
 * people who really held it. Each version holds from the previous version's `validUntil` (or
 * always) until its own; the layer row holds from the newest version's `validUntil` on.
 */
export const layerVersions = pgTable(
  "schedule_layer_versions",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    layerId: text("layer_id").notNull().references(() => scheduleLayers.id, { onDelete: "cascade" }),
    validUntil: timestamp("valid_until", { withTimezone: true }).notNull(),
    participants: jsonb("participants").$type<string[]>().notNull(),
    ...rotationColumns(),
    /** The layer's place among the schedule's layers then (null in versions kept before places were: its current place). */
    position: integer("position"),
    /** The schedule's zone then, when it has changed since (null: the schedule's zone). */
    timeZone: text("time_zone"),
    /** Published generator decisions of that rotation, [shiftIndex, userId]. */
    assignments: jsonb("assignments").$type<[number, string][]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("schedule_layer_versions_layer_idx").on(t.layerId, t.validUntil)],
);

/** Published generator decisions: who takes shift instance `shiftIndex` of a layer. */
export const layerAssignments = pgTable(
  "schedule_layer_assignments",
  {
    layerId: text("layer_id").notNull().references(() => scheduleLayers.id, { onDelete: "cascade" }),
    shiftIndex: integer("shift_index").notNull(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    publishedBy: text("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.layerId, t.shiftIndex] })],
);

/** A person in place of whoever holds [start, end): manager overrides and approved swaps. */
export const scheduleOverrides = pgTable(
  "schedule_overrides",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    scheduleId: text("schedule_id").notNull().references(() => schedules.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    replacesUserId: text("replaces_user_id").references(() => users.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    origin: text("origin", { enum: OVERRIDE_ORIGINS }).notNull().default("override"),
    swapRequestId: text("swap_request_id"),
    note: text("note").notNull().default(""),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("schedule_overrides_range_idx").on(t.scheduleId, t.startsAt, t.endsAt), index("schedule_overrides_swap_idx").on(t.swapRequestId)],
);

/** A person unavailable on local dates [fromDate, toDate] in their own zone. */
export const timeOff = pgTable(
  "time_off",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("time_off_user_idx").on(t.userId, t.fromDate)],
);

/**
 * A request to swap or cover (part of) one shift instance, anchored to that instance
 * (layer, index, start, end at the time of asking). Transitions are conditional updates.
 */
export const swapRequests = pgTable(
  "swap_requests",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    scheduleId: text("schedule_id").notNull().references(() => schedules.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SWAP_KINDS }).notNull(),
    requesterId: text("requester_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** Null: an open offer to the whole team; the first acceptance wins. */
    counterpartId: text("counterpart_id").references(() => users.id, { onDelete: "cascade" }),
    layerId: text("layer_id").notNull(),
    shiftIndex: integer("shift_index").notNull(),
    shiftStart: timestamp("shift_start", { withTimezone: true }).notNull(),
    shiftEnd: timestamp("shift_end", { withTimezone: true }).notNull(),
    partStart: timestamp("part_start", { withTimezone: true }).notNull(),
    partEnd: timestamp("part_end", { withTimezone: true }).notNull(),
    /** For a swap: the counterpart's shift instance given in exchange. */
    counterpartLayerId: text("counterpart_layer_id"),
    counterpartShiftIndex: integer("counterpart_shift_index"),
    counterpartStart: timestamp("counterpart_start", { withTimezone: true }),
    counterpartEnd: timestamp("counterpart_end", { withTimezone: true }),
    status: text("status", { enum: SWAP_STATUSES }).notNull().default("pending"),
    needsApproval: boolean("needs_approval").notNull().default(false),
    /** Set when the rotation changed under the request: shown, never silently moved. */
    flaggedAt: timestamp("flagged_at", { withTimezone: true }),
    note: text("note").notNull().default(""),
    acceptedBy: text("accepted_by"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("swap_requests_schedule_idx").on(t.scheduleId, t.status), index("swap_requests_requester_idx").on(t.requesterId), index("swap_requests_counterpart_idx").on(t.counterpartId)],
);

/** Who covered whom: hours and burden moved by approved swaps and covers. */
export const coverLedger = pgTable(
  "cover_ledger",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    teamId: text("team_id").references(() => teams.id, { onDelete: "set null" }),
    scheduleId: text("schedule_id").notNull().references(() => schedules.id, { onDelete: "cascade" }),
    swapRequestId: text("swap_request_id").notNull(),
    coveredUserId: text("covered_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    coveringUserId: text("covering_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    hours: real("hours").notNull(),
    burden: real("burden").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    reversedAt: timestamp("reversed_at", { withTimezone: true }),
  },
  (t) => [index("cover_ledger_team_idx").on(t.teamId), index("cover_ledger_covered_idx").on(t.coveredUserId), index("cover_ledger_covering_idx").on(t.coveringUserId)],
);

/** Secret iCal URLs: only a lookup prefix and SHA-256 of the token are kept. */
export const icalFeeds = pgTable(
  "ical_feeds",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    kind: text("kind", { enum: FEED_KINDS }).notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    scheduleId: text("schedule_id").references(() => schedules.id, { onDelete: "cascade" }),
    prefix: text("prefix").notNull().unique(),
    hash: text("hash").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("ical_feeds_active_idx").on(t.kind, t.userId, t.scheduleId).where(sql`revoked_at is null`)],
);

/** In-app notices (swap steps, new shifts): one row per person and event. */
export const notices = pgTable(
  "notices",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notices_user_idx").on(t.userId, t.createdAt)],
);
