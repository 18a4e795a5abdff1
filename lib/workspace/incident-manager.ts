import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { incidentParticipants, incidentTimeline, type TimelineKind } from "@/db/schema";
import { can } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ForbiddenError } from "@/lib/errors";

/** Managers (incidents:manage) and whoever holds the incident-manager role on this incident. */
export async function isIncidentManager(db: Queryable, ctx: Ctx, incidentId: string): Promise<boolean> {
  return can(ctx.viewer, "incidents:manage") || hasActiveIncidentManager(db, incidentId, ctx.viewer.userId);
}

/** Whether someone (or, given `userId`, that person) holds the incident-manager role on the incident now. */
export async function hasActiveIncidentManager(db: Queryable, incidentId: string, userId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: incidentParticipants.id })
    .from(incidentParticipants)
    .where(and(eq(incidentParticipants.incidentId, incidentId), userId ? eq(incidentParticipants.userId, userId) : undefined, eq(incidentParticipants.role, "incident_manager"), isNull(incidentParticipants.leftAt)))
    .limit(1);
  return !!row;
}

export async function requireIncidentManager(db: Queryable, ctx: Ctx, incidentId: string): Promise<void> {
  if (await isIncidentManager(db, ctx, incidentId)) return;
  await recordAudit(db, ctx, { action: "access.denied", targetType: "incident", targetId: incidentId, details: { reason: "not the incident manager" } });
  throw new ForbiddenError("Only the incident manager or a manager can do that.");
}

/** A timeline row written by the signed-in person (the "who and when" of every workspace change). */
export async function appendTimeline(db: Queryable, ctx: Ctx, incidentId: string, row: { kind: TimelineKind; message: string; details?: Record<string, unknown>; internal?: boolean }) {
  const [out] = await db
    .insert(incidentTimeline)
    .values({ incidentId, at: ctx.now, kind: row.kind, actorType: "user", actorId: ctx.viewer.userId, actorLabel: ctx.viewer.name || ctx.viewer.email, message: row.message, details: row.details ?? {}, internal: row.internal ?? true })
    .returning();
  return out!;
}
