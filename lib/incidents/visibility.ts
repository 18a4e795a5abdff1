import { and, eq, gt, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditLog, incidentBreakGlass, incidentParticipants, incidents, notifications, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";

/**
 * Need-to-know, in one place. A confidential incident is visible to its participants (present or
 * past), to anyone it paged or notified, to incident managers (the managers), and to an admin
 * who broke the glass (a grant that has not expired). Admins are deliberately not incident
 * managers: they see a confidential incident only by breaking the glass, with a reason, audited.
 */
export const SEES_EVERY_CONFIDENTIAL_INCIDENT: readonly Role[] = ["manager"];

type Who = Pick<Ctx, "viewer" | "now">;

/**
 * Whoever Baton paged for an incident may read it, whichever clients their teams serve: a policy
 * may page another team's on-call (a shared night rota), and a page you can't open is no use.
 */
export function pagedViewerSql(viewerId: string): SQL {
  return sql`exists (select 1 from ${notifications} where ${notifications.incidentId} = ${incidents.id} and ${notifications.userId} = ${viewerId})`;
}

/** True when the incident paged (or notified) this person. */
export async function wasPaged(db: Queryable, incidentId: string, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.incidentId, incidentId), eq(notifications.userId, userId))).limit(1);
  return !!row;
}

/** The SQL condition for lists and search: `undefined` when the viewer sees every incident. */
export function confidentialityFilter({ viewer, now }: Who): SQL | undefined {
  if (SEES_EVERY_CONFIDENTIAL_INCIDENT.includes(viewer.role)) return undefined;
  return or(
    eq(incidents.confidential, false),
    sql`exists (select 1 from ${incidentParticipants} where ${incidentParticipants.incidentId} = ${incidents.id} and ${incidentParticipants.userId} = ${viewer.userId})`,
    pagedViewerSql(viewer.userId),
    sql`exists (select 1 from ${incidentBreakGlass} where ${incidentBreakGlass.incidentId} = ${incidents.id} and ${incidentBreakGlass.userId} = ${viewer.userId} and ${incidentBreakGlass.expiresAt} > ${now.toISOString()}::timestamptz)`,
  );
}

/** The same rule for one incident already loaded: may this viewer read it? */
export async function mayReadIncident(db: Queryable, who: Who, incident: { id: string; confidential: boolean }): Promise<boolean> {
  if (!incident.confidential) return true;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(incidents)
    .where(and(eq(incidents.id, incident.id), confidentialityFilter(who)));
  return !!row;
}

/** Whether the viewer holds an unexpired break-glass grant on the incident. */
export async function hasBrokenGlass(db: Queryable, who: Who, incidentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: incidentBreakGlass.id })
    .from(incidentBreakGlass)
    .where(and(eq(incidentBreakGlass.incidentId, incidentId), eq(incidentBreakGlass.userId, who.viewer.userId), gt(incidentBreakGlass.expiresAt, who.now)))
    .limit(1);
  return !!row;
}

/**
 * Every read of a confidential incident leaves an audit row: who, which, through what. One row per
 * request and incident (a page that reads the incident, its timeline and checklist is one read).
 */
export async function auditConfidentialRead(db: Queryable, ctx: Ctx, incident: { id: string; clientId: string }, via: string): Promise<void> {
  const [seen] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "incident"), eq(auditLog.targetId, incident.id), eq(auditLog.action, "incident.read_confidential"), eq(auditLog.requestId, ctx.meta.requestId)))
    .limit(1);
  if (seen) return;
  await recordAudit(db, ctx, { action: "incident.read_confidential", targetType: "incident", targetId: incident.id, clientId: incident.clientId, details: { via } });
}
