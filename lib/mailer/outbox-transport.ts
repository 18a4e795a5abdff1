import { eq } from "drizzle-orm";
import { outboxMessages } from "@/db/schema";
import type { MailTransport } from "./transport";

/** Stores each message in the database; read them at /dev/mailbox. Idempotent per key. */
export const outboxTransport: MailTransport = {
  kind: "outbox",
  async send(mail, db) {
    const [row] = await db
      .insert(outboxMessages)
      .values({ to: mail.to, from: mail.from, subject: mail.subject, text: mail.text, html: mail.html, idempotencyKey: mail.idempotencyKey })
      .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
      .returning({ id: outboxMessages.id });
    if (row) return { id: row.id };
    const [existing] = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.idempotencyKey, mail.idempotencyKey));
    return { id: existing!.id };
  },
};
