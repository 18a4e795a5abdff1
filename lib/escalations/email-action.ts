import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidents, notifications, users } from "@/db/schema";
import { applyAcknowledge } from "@/lib/incidents/acknowledge-incident";
import { verifyActionToken } from "./action-token";
import { loadIncidentForNotice, type IncidentForNotice } from "./notification-context";
import { applyRead } from "./mark-read";
import { incidentAnswered, incidentRead } from "./signals";

export type EmailActionTarget = {
  notificationId: string;
  userId: string;
  personName: string;
  incident: IncidentForNotice;
};

/**
 * What an email link's token points at: its notification, person and incident. Null for a
 * forged or unknown token, a failover email (it has no actions), or a resolved incident (the
 * links die with it). Reading this changes nothing: GET shows, only POST acts.
 */
export async function resolveEmailAction(db: Database, token: string): Promise<EmailActionTarget | null> {
  const id = verifyActionToken(token);
  if (!id) return null;
  const [n] = await db.select({ id: notifications.id, userId: notifications.userId, kind: notifications.kind, incidentId: notifications.incidentId }).from(notifications).where(eq(notifications.id, id));
  if (!n || !n.userId || n.kind !== "page") return null;
  const incident = await loadIncidentForNotice(db, n.incidentId);
  if (!incident || incident.status === "resolved") return null;
  const [u] = await db.select({ name: users.name, email: users.email, disabled: users.disabled }).from(users).where(eq(users.id, n.userId));
  if (!u || u.disabled) return null;
  return { notificationId: n.id, userId: n.userId, personName: u.name || u.email, incident };
}

export type EmailActionResult = { ok: true; incidentId: string; already: boolean } | { ok: false };

/** "Open" from the email: the person read it. */
export async function readFromEmail(db: Database, token: string, now: Date): Promise<EmailActionResult> {
  const t = await resolveEmailAction(db, token);
  if (!t) return { ok: false };
  const changed = await db.transaction((tx) => applyRead(tx, t.incident.id, t.userId, now, "email"));
  if (changed) await incidentRead(t.incident.id);
  return { ok: true, incidentId: t.incident.id, already: !changed };
}

/** "Acknowledge" from the email: the person reads and takes it (already acknowledged by someone: nothing changes). */
export async function acknowledgeFromEmail(db: Database, token: string, now: Date): Promise<EmailActionResult> {
  const t = await resolveEmailAction(db, token);
  if (!t) return { ok: false };
  const acked = await db.transaction(async (tx) => {
    await applyRead(tx, t.incident.id, t.userId, now, "email");
    return applyAcknowledge(tx, t.incident.id, { userId: t.userId, label: t.personName }, now, "from the email");
  });
  if (acked) await incidentAnswered(t.incident.id, "acknowledged");
  const [inc] = await db.select({ status: incidents.status }).from(incidents).where(eq(incidents.id, t.incident.id));
  return { ok: true, incidentId: t.incident.id, already: !acked && inc?.status !== "triggered" };
}
