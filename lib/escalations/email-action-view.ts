import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidents, users } from "@/db/schema";
import { resolveEmailAction, type EmailActionTarget } from "./email-action";

export type EmailActionView = EmailActionTarget & {
  personEmail: string;
  /** The recipient's zone, for the times the page shows. */
  timeZone: string;
  /** Who took the incident, if someone did; `byMe` when it was the link's own person. */
  acknowledged: { at: Date; byName: string; byMe: boolean } | null;
};

/**
 * What the email link's page shows: the link's person and incident (null for the same reasons as
 * `resolveEmailAction`: forged, failover, resolved) and whether someone already acknowledged it.
 * Reads only, so GET and HEAD from a mail scanner change nothing.
 */
export async function loadEmailActionView(db: Database, token: string): Promise<EmailActionView | null> {
  const target = await resolveEmailAction(db, token);
  if (!target) return null;
  const [me] = await db.select({ email: users.email, timeZone: users.timeZone }).from(users).where(eq(users.id, target.userId));
  const [ack] = await db
    .select({ at: incidents.acknowledgedAt, by: incidents.acknowledgedBy, name: users.name, email: users.email })
    .from(incidents)
    .leftJoin(users, eq(users.id, incidents.acknowledgedBy))
    .where(eq(incidents.id, target.incident.id));
  return {
    ...target,
    personEmail: me?.email ?? "",
    timeZone: me?.timeZone ?? target.incident.clientTimeZone,
    acknowledged: ack?.at ? { at: ack.at, byName: ack.name || ack.email || "someone", byMe: ack.by === target.userId } : null,
  };
}
