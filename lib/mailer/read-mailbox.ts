import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { outboxMessages } from "@/db/schema";

/** Newest first; the dev mailbox page and its JSON twin read this. */
export async function readMailbox(db: Queryable, opts: { to?: string; limit?: number }) {
  return db
    .select({ id: outboxMessages.id, to: outboxMessages.to, subject: outboxMessages.subject, text: outboxMessages.text, html: outboxMessages.html, createdAt: outboxMessages.createdAt })
    .from(outboxMessages)
    .where(opts.to ? eq(outboxMessages.to, opts.to) : undefined)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(opts.limit ?? 50);
}
