import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { incidents, notifications, users } from "@/db/schema";
import { incidentRead } from "./signals";
import { systemTimeline } from "./timeline";

const CHANNEL_WORDS = { in_app: "in the portal", email: "from the email", push: "from a push notification" } as const;

/**
 * A person opened their page: every page of theirs for the incident becomes read (and no more
 * reminders go out), the ones not yet sent are cancelled, and the incident keeps its first read.
 * Read is not acknowledged: it says a human saw it; a policy that stops on read stops. Writes a
 * timeline row the first time per person. Returns whether anything changed.
 */
export async function applyRead(tx: Queryable, incidentId: string, userId: string, now: Date, channel: keyof typeof CHANNEL_WORDS): Promise<boolean> {
  const read = await tx
    .update(notifications)
    .set({ state: "read", readAt: now, dueAt: null, claimedUntil: null })
    .where(and(eq(notifications.incidentId, incidentId), eq(notifications.userId, userId), inArray(notifications.state, ["sent", "delivered"])))
    .returning({ id: notifications.id });
  await tx
    .update(notifications)
    .set({ state: "cancelled", dueAt: null })
    .where(and(eq(notifications.incidentId, incidentId), eq(notifications.userId, userId), eq(notifications.state, "pending")));
  const first = await tx
    .update(incidents)
    .set({ firstReadAt: now, firstReadBy: userId, updatedAt: now })
    .where(and(eq(incidents.id, incidentId), isNull(incidents.firstReadAt)))
    .returning({ id: incidents.id });
  if (!read.length && !first.length) return false;
  if (read.length) {
    const [u] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
    await systemTimeline(tx, incidentId, now, "read", `Read by ${u?.name || u?.email || "someone"} ${CHANNEL_WORDS[channel]}`, { userId, channel });
  }
  return true;
}

/** `applyRead` in its own transaction, then the workflow is told (a read-stop policy stops now). */
export async function markRead(db: Database, incidentId: string, userId: string, now: Date, channel: keyof typeof CHANNEL_WORDS): Promise<boolean> {
  const changed = await db.transaction((tx) => applyRead(tx, incidentId, userId, now, channel));
  if (changed) await incidentRead(incidentId);
  return changed;
}
