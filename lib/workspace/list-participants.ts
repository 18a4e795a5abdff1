import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { incidentParticipants, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import type { ParticipantOutput } from "./schemas";

export async function participantsOf(db: Queryable, incidentId: string): Promise<ParticipantOutput[]> {
  const rows = await db
    .select({ p: incidentParticipants, name: users.name, email: users.email })
    .from(incidentParticipants)
    .innerJoin(users, eq(users.id, incidentParticipants.userId))
    .where(eq(incidentParticipants.incidentId, incidentId))
    .orderBy(asc(incidentParticipants.joinedAt), asc(incidentParticipants.id));
  return rows.map(({ p, name, email }) => ({ id: p.id, role: p.role, person: { id: p.userId, name: name || email }, joinedAt: p.joinedAt.toISOString(), leftAt: p.leftAt?.toISOString() ?? null }));
}

/** Who works the incident in which role, present and past (oldest first); internal. */
export async function listParticipants(ctx: Ctx, incidentId: string): Promise<ParticipantOutput[]> {
  await requirePermission(ctx, "incidents:read-internal", { type: "incident", id: incidentId });
  await requireIncidentVisible(ctx, incidentId, "participants");
  return participantsOf(ctx.db, incidentId);
}
