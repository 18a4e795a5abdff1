import { date, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { BusinessHours } from "@/lib/core/business-hours";
import type { SlaTargets } from "@/lib/core/reports/types";
import { users } from "../auth";
import { teams } from "../teams";

/** A tenant of the MSP: its own zone, business hours, holidays and stakeholders. */
export const clients = pgTable("clients", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text("name").notNull().unique(),
  timeZone: text("time_zone").notNull(),
  businessHours: jsonb("business_hours").$type<BusinessHours>().notNull(),
  notes: text("notes").notNull().default(""),
  /** Minutes to acknowledge and to resolve, per priority; the response report lists breaches. */
  slaTargets: jsonb("sla_targets").$type<SlaTargets>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const clientHolidays = pgTable(
  "client_holidays",
  {
    clientId: text("client_id").notNull().references(() => clients.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    name: text("name").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.date] })],
);

/** Stakeholders (client contacts) belong to one or more clients. */
export const clientStakeholders = pgTable(
  "client_stakeholders",
  {
    clientId: text("client_id").notNull().references(() => clients.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.userId] }), index("client_stakeholders_user_idx").on(t.userId)],
);

/** Which teams work for which client: engineers see the clients their teams serve. */
export const clientTeams = pgTable(
  "client_teams",
  {
    clientId: text("client_id").notNull().references(() => clients.id, { onDelete: "cascade" }),
    teamId: text("team_id").notNull().references(() => teams.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.teamId] }), index("client_teams_team_idx").on(t.teamId)],
);
