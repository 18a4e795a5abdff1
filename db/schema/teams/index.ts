import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../auth";

export const teams = pgTable("teams", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  /** Swaps and covers need a manager's approval before they take effect. */
  swapApprovalRequired: boolean("swap_approval_required").notNull().default(false),
  /** Burden weights for fairness (null: the defaults). */
  burdenWeights: jsonb("burden_weights").$type<Record<string, number>>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: text("team_id").notNull().references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    isLead: boolean("is_lead").notNull().default(false),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

/** The team's own holiday calendar: on-call hours on these dates weigh more in fairness. */
export const teamHolidays = pgTable(
  "team_holidays",
  {
    teamId: text("team_id").notNull().references(() => teams.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    name: text("name").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.date] })],
);
