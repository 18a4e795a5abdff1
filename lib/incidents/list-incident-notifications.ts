import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { CHANNELS } from "@/lib/core/escalation";
import { NOTIFICATION_KINDS, NOTIFICATION_STATES, notifications, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "./read-incidents";

export const incidentNotificationOutput = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** -1 for the failover email. */
  level: z.number().int(),
  repeat: z.number().int(),
  /** The person, or null for a plain address (a failover recipient outside Baton). */
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  email: z.string().nullable(),
  channel: z.enum(CHANNELS),
  state: z.enum(NOTIFICATION_STATES),
  /** Why it failed, or the last retryable error while it is still trying. */
  error: z.string().nullable(),
  sends: z.number().int(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  readAt: z.iso.datetime().nullable(),
  failedAt: z.iso.datetime().nullable(),
});
export type IncidentNotificationOutput = z.infer<typeof incidentNotificationOutput>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Who was notified about an incident, how, and what became of it, in the order they were written.
 * Internal: the MSP's people see it, stakeholders don't; the incident's visibility applies.
 */
export async function listIncidentNotifications(ctx: Ctx, incidentId: string): Promise<IncidentNotificationOutput[]> {
  await requireIncidentVisible(ctx, incidentId);
  await requirePermission(ctx, "incidents:read-internal", { type: "incident", id: incidentId });
  const rows = await ctx.db
    .select({ n: notifications, name: users.name, userEmail: users.email })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.incidentId, incidentId))
    .orderBy(asc(notifications.createdAt), asc(notifications.level), asc(notifications.repeat), asc(notifications.recipient), asc(notifications.channel))
    .limit(500);
  return rows.map(({ n, name, userEmail }) => ({
    id: n.id,
    kind: n.kind,
    level: n.level,
    repeat: n.repeat,
    person: n.userId ? { id: n.userId, name: name || userEmail || "Someone" } : null,
    email: n.userId ? null : n.email,
    channel: n.channel,
    state: n.state,
    error: n.lastError,
    sends: n.sends,
    createdAt: n.createdAt.toISOString(),
    sentAt: iso(n.sentAt),
    deliveredAt: iso(n.deliveredAt),
    readAt: iso(n.readAt),
    failedAt: iso(n.failedAt),
  }));
}
