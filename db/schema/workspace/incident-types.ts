import { boolean, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export type ChecklistStep = { title: string; detail?: string; section?: string };

/** Incident types with their checklist template (managers edit them); `security` types carry the security steps. */
export const incidentTypes = pgTable("incident_types", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  key: text("key").notNull().unique(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  security: boolean("security").notNull().default(false),
  steps: jsonb("steps").$type<ChecklistStep[]>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
