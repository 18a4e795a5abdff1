import { createElement } from "react";
import { inArray } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { notices, users } from "@/db/schema";
import { sendMail } from "@/lib/mailer";
import { NoticeEmail } from "@/lib/mailer/templates/notice-email";

export type Notice = { kind: string; title: string; body: string; link: string };

/** An in-app notice (in the transaction) for each person; emails go after commit via `emailNotices`. */
export async function writeNotices(tx: Queryable, userIds: string[], notice: Notice, now: Date): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length) await tx.insert(notices).values(ids.map((userId) => ({ userId, ...notice, createdAt: now })));
}

/** The same notice by email; a mail failure never undoes the change it reports. */
export async function emailNotices(db: Database, userIds: string[], notice: Notice, origin: string | undefined): Promise<void> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  const people = await db.select({ email: users.email, name: users.name }).from(users).where(inArray(users.id, ids));
  for (const p of people) {
    try {
      await sendMail(db, { to: p.email, subject: notice.title, body: createElement(NoticeEmail, { name: p.name, title: notice.title, body: notice.body, url: origin ? `${origin}${notice.link}` : undefined }) });
    } catch (e) {
      console.warn(`[notices] email to ${p.email} failed: ${(e as Error).message}`);
    }
  }
}
