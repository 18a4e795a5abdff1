import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { FailoverContacts, PolicyLevel, StopCondition } from "@/lib/core/escalation";

/**
 * Escalation policies: ordered levels (targets and the minutes before the next level), how many
 * times the levels repeat, what stops the escalation (read or acknowledged), and who gets the
 * failover email when nobody answers.
 */
export const escalationPolicies = pgTable(
  "escalation_policies",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    levels: jsonb("levels").$type<PolicyLevel[]>().notNull(),
    repeat: integer("repeat").notNull().default(0),
    stopOn: text("stop_on").$type<StopCondition>().notNull().default("acknowledged"),
    failover: jsonb("failover").$type<FailoverContacts>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("escalation_policies_repeat", sql`${t.repeat} between 0 and 9`), check("escalation_policies_stop_on", sql`${t.stopOn} in ('read', 'acknowledged')`)],
);
