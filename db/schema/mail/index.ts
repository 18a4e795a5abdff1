import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** The local outbox transport: every message the mailer would have sent. */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    idempotencyKey: text("idempotency_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_to_idx").on(t.to, t.createdAt)],
);
