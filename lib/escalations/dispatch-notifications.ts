import { createElement } from "react";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidentTimeline, notifications, users, type NotificationState } from "@/db/schema";
import { retryDelay } from "@/lib/core/escalation";
import { publicUrl } from "@/lib/env";
import { formatInZone } from "@/lib/incidents/format";
import { sendMail } from "@/lib/mailer";
import { FailoverEmail } from "@/lib/mailer/templates/failover-email";
import { PageEmail } from "@/lib/mailer/templates/page-email";
import { MailSendError } from "@/lib/mailer/transport";
import { signActionToken } from "./action-token";
import { sendPush } from "./channels/push";
import { loadIncidentForNotice, type IncidentForNotice } from "./notification-context";
import { loadPreferences } from "./preferences";
import { PAGING_KINDS, systemTimeline } from "./timeline";

type NotificationRow = typeof notifications.$inferSelect;

/** How long a sender holds a claimed row; after that another sender may take it over (a crash mid-send). */
const CLAIM_MS = 60_000;
const MINUTE = 60_000;

export type DispatchSummary = { sent: number; reminded: number; retried: number; failed: number; cancelled: number };

/**
 * Sends the notification rows that are due: first sends, retries after a transient failure, and
 * the until-read reminders. Rows are claimed with `FOR UPDATE SKIP LOCKED` and a lease, so two
 * servers never send one row at once, and each send carries the row's id as its idempotency key
 * (a reminder: the id and its number), so a retried step sends nothing twice. A page is not sent
 * once its incident is acknowledged or resolved, or its escalation stopped.
 */
export async function dispatchNotifications(db: Database, now: Date, opts: { ids?: string[]; limit?: number } = {}): Promise<DispatchSummary> {
  const summary: DispatchSummary = { sent: 0, reminded: 0, retried: 0, failed: 0, cancelled: 0 };
  const claimed = await claimDue(db, now, opts);
  for (const row of claimed) {
    try {
      const outcome = await deliver(db, row, now);
      summary[outcome]++;
    } catch (e) {
      // Something of ours broke (not the transport): leave the claim to expire so another pass retries.
      console.error(`[notifications] ${row.id} (${row.channel}) could not be processed:`, e);
    }
  }
  return summary;
}

async function claimDue(db: Database, now: Date, opts: { ids?: string[]; limit?: number }): Promise<NotificationRow[]> {
  const lease = new Date(now.getTime() + CLAIM_MS);
  const only = opts.ids ? (opts.ids.length ? sql`and id in (${sql.join(opts.ids.map((id) => sql`${id}`), sql`, `)})` : sql`and false`) : sql``;
  const result = await db.execute(sql`
    update notifications n set claimed_until = ${lease.toISOString()}::timestamptz
    from (
      select id from notifications
      where due_at <= ${now.toISOString()}::timestamptz and state in ('pending', 'sent', 'delivered')
        and (claimed_until is null or claimed_until < ${now.toISOString()}::timestamptz) ${only}
      order by due_at limit ${opts.limit ?? 100}
      for update skip locked
    ) d
    where n.id = d.id
    returning n.id`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (!ids.length) return [];
  const rows = await db.query.notifications.findMany({ where: (n, { inArray }) => inArray(n.id, ids), orderBy: [asc(notifications.dueAt)] });
  return rows;
}

type Outcome = keyof DispatchSummary;

/** Settles a claimed row; the update applies only if nobody changed its state meanwhile (read, cancelled). */
async function settle(db: Database, row: NotificationRow, set: Partial<typeof notifications.$inferInsert>): Promise<boolean> {
  const r = await db
    .update(notifications)
    .set({ ...set, claimedUntil: null })
    .where(and(eq(notifications.id, row.id), eq(notifications.state, row.state)))
    .returning({ id: notifications.id });
  return r.length > 0;
}

async function deliver(db: Database, row: NotificationRow, now: Date): Promise<Outcome> {
  const incident = await loadIncidentForNotice(db, row.incidentId);
  const isReminder = row.state !== "pending";
  if (!incident) {
    await settle(db, row, { state: isReminder ? row.state : "cancelled", dueAt: null });
    return "cancelled";
  }
  if (row.kind === "page" && (incident.status !== "triggered" || incident.escalationPhase === "stopped")) {
    // Acknowledged, resolved, or stopped on read: nothing more to send for this page.
    await settle(db, row, isReminder ? { dueAt: null } : { state: "cancelled", dueAt: null });
    return "cancelled";
  }
  if (isReminder && (row.channel === "in_app" || incident.escalationPhase !== "active")) {
    await settle(db, row, { dueAt: null });
    return "cancelled";
  }

  const [person] = row.userId ? await db.select({ name: users.name, email: users.email, timeZone: users.timeZone }).from(users).where(eq(users.id, row.userId)) : [];
  const repeatEvery = row.userId ? (await loadPreferences(db, [row.userId])).get(row.userId)!.repeatEveryMinutes : 0;
  const nextReminder = row.kind === "page" && row.channel !== "in_app" && repeatEvery > 0 ? new Date(now.getTime() + repeatEvery * MINUTE) : null;

  try {
    let delivered: NotificationState = "sent";
    let providerId: string | null = row.providerId;
    if (row.channel === "in_app") {
      // The row is the alarm: any open page of the portal shows it; "delivered" when a browser fetches it.
    } else if (row.channel === "email") {
      const to = person?.email ?? row.email!;
      const name = person?.name ?? "";
      const sent = row.kind === "failover" ? await sendFailover(db, row, incident, to, name, person?.timeZone ?? incident.clientTimeZone) : await sendPage(db, row, incident, to, name, person?.timeZone ?? incident.clientTimeZone);
      providerId = sent.id;
      if (sent.transport === "outbox") delivered = "delivered";
    } else {
      const token = signActionToken(row.id);
      const push = await sendPush(
        db,
        row.userId!,
        {
          title: incident.confidential ? "A confidential incident needs you" : `${incident.priority.toUpperCase()} · ${incident.client}`,
          body: incident.confidential ? "Open Baton to see it." : `#${incident.number} ${incident.title}`,
          url: `/n/${token}`,
          tag: `incident-${incident.id}`,
          notificationId: row.id,
        },
        now,
      );
      if (push.delivered === 0) {
        const retryable = push.failed.some((f) => f.retryable);
        const reason = push.failed.map((f) => f.reason).join("; ") || "no push subscription";
        throw new MailSendError(reason, retryable);
      }
    }
    const ok = await settle(db, row, {
      state: isReminder ? row.state : delivered,
      sentAt: row.sentAt ?? now,
      deliveredAt: delivered === "delivered" ? (row.deliveredAt ?? now) : row.deliveredAt,
      sends: row.sends + 1,
      attempts: 0,
      lastError: null,
      providerId,
      dueAt: nextReminder,
    });
    if (ok && isReminder) await systemTimeline(db, row.incidentId, now, "notified", `Reminder ${row.sends} to ${person?.name || row.email} by ${row.channel === "email" ? "email" : "push"}: still unread`, { notificationId: row.id });
    return isReminder ? "reminded" : "sent";
  } catch (e) {
    const err = e instanceof MailSendError ? e : new MailSendError((e as Error).message, true);
    const attempts = row.attempts + 1;
    const delay = err.retryable ? retryDelay(attempts) : null;
    if (delay !== null) {
      await settle(db, row, { attempts, lastError: err.message, dueAt: new Date(now.getTime() + delay) });
      return "retried";
    }
    if (isReminder) {
      // A reminder that can't go out doesn't undo the page that did; try again at the next reminder.
      await settle(db, row, { attempts: 0, lastError: err.message, dueAt: nextReminder });
      return "failed";
    }
    await settle(db, row, { state: "failed", attempts, lastError: err.message, failedAt: now, dueAt: null });
    await systemTimeline(db, row.incidentId, now, "notification_failed", `${row.channel === "email" ? "Email" : row.channel === "push" ? "Push" : "In-app"} to ${person?.name || row.email} failed: ${err.message}`, { notificationId: row.id, status: err.status ?? null });
    return "failed";
  }
}

function pageSubject(incident: IncidentForNotice, reminder: number): string {
  const prefix = reminder > 0 ? `[Reminder ${reminder}] ` : "";
  if (incident.confidential) return `${prefix}[${incident.priority.toUpperCase()}] A confidential incident needs you`;
  return `${prefix}[${incident.priority.toUpperCase()}] ${incident.client}: ${incident.title}`.slice(0, 200);
}

async function sendPage(db: Database, row: NotificationRow, incident: IncidentForNotice, to: string, name: string, zone: string) {
  const base = publicUrl();
  const token = signActionToken(row.id);
  const reminder = row.state === "pending" ? 0 : row.sends;
  return sendMail(db, {
    to,
    subject: pageSubject(incident, reminder),
    idempotencyKey: reminder === 0 ? row.id : `${row.id}:reminder-${reminder}`,
    body: createElement(PageEmail, {
      name,
      reminder,
      openUrl: `${base}/n/${token}`,
      ackUrl: `${base}/n/${token}?intent=acknowledge`,
      incident: incident.confidential
        ? null
        : {
            number: incident.number,
            title: incident.title,
            priority: incident.priority,
            client: incident.client,
            service: incident.service,
            source: incident.source,
            details: incident.details,
            links: incident.links,
            triggeredAt: `${formatInZone(incident.triggeredAt, zone)} (${zone})`,
          },
    }),
  });
}

async function sendFailover(db: Database, row: NotificationRow, incident: IncidentForNotice, to: string, name: string, zone: string) {
  const sent = await db
    .select({ who: users.name, email: users.email, channel: notifications.channel, sentAt: notifications.sentAt, state: notifications.state, readAt: notifications.readAt })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.incidentId, row.incidentId), eq(notifications.kind, "page")))
    .orderBy(asc(notifications.createdAt), asc(notifications.level));
  const timeline = await db
    .select({ at: incidentTimeline.at, message: incidentTimeline.message })
    .from(incidentTimeline)
    // The public story plus how the paging went (staff-only rows, but this report goes to staff); no notes or receipts.
    .where(and(eq(incidentTimeline.incidentId, row.incidentId), or(eq(incidentTimeline.internal, false), inArray(incidentTimeline.kind, [...PAGING_KINDS]))))
    .orderBy(asc(incidentTimeline.at), asc(incidentTimeline.id))
    .limit(60);
  const fmt = (d: Date | null) => (d ? formatInZone(d, zone) : null);
  const channelWord = { in_app: "in-app alarm", email: "email", push: "push" } as const;
  return sendMail(db, {
    to,
    subject: incident.confidential ? "[UNANSWERED] A confidential incident" : `[UNANSWERED] [${incident.priority.toUpperCase()}] ${incident.client}: ${incident.title}`.slice(0, 200),
    idempotencyKey: row.id,
    body: createElement(FailoverEmail, {
      name,
      url: `${publicUrl()}/incidents/${incident.id}`,
      incident: incident.confidential
        ? null
        : { number: incident.number, title: incident.title, priority: incident.priority, client: incident.client, service: incident.service, source: incident.source, triggeredAt: `${formatInZone(incident.triggeredAt, zone)} (${zone})` },
      notified: sent.map((n) => ({ who: n.who || n.email || "?", channel: channelWord[n.channel], sentAt: fmt(n.sentAt), state: n.state, readAt: fmt(n.readAt) })),
      timeline: timeline.map((t) => ({ at: formatInZone(t.at, zone), message: t.message })),
    }),
  });
}
