import { and, eq, isNull } from "drizzle-orm";
import { incidentParticipants, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { parseInput } from "@/lib/validation";
import { appendTimeline, requireIncidentManager } from "./incident-manager";
import { participantRefInput, RESPONSE_ROLE_LABELS } from "./schemas";

/**
 * Ends a participation (sets leftAt; the row stays). People leave their own roles; the incident
 * manager or a manager removes anyone's.
 */
export async function removeParticipant({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(participantRefInput, input);
  const incident = await requireIncidentVisible(ctx, data.incidentId, "remove_participant");
  const [p] = await ctx.db
    .select({ p: incidentParticipants, name: users.name, email: users.email })
    .from(incidentParticipants)
    .innerJoin(users, eq(users.id, incidentParticipants.userId))
    .where(and(eq(incidentParticipants.id, data.participantId), eq(incidentParticipants.incidentId, incident.id), isNull(incidentParticipants.leftAt)));
  if (!p) throw new NotFoundError("Participant");
  const self = p.p.userId === ctx.viewer.userId;
  if (!self) await requireIncidentManager(ctx.db, ctx, incident.id);
  await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(incidentParticipants)
      .set({ leftAt: ctx.now })
      .where(and(eq(incidentParticipants.id, p.p.id), isNull(incidentParticipants.leftAt)))
      .returning({ id: incidentParticipants.id });
    if (!done) throw new NotFoundError("Participant");
    const name = p.name || p.email;
    const role = RESPONSE_ROLE_LABELS[p.p.role].toLowerCase();
    await appendTimeline(tx, ctx, incident.id, self
      ? { kind: "left", message: `${name} left (${role})`, details: { userId: p.p.userId, role: p.p.role } }
      : { kind: "role_removed", message: `${name} is no longer ${role}`, details: { userId: p.p.userId, role: p.p.role } });
    await recordAudit(tx, ctx, { action: "incident.role_remove", targetType: "incident", targetId: incident.id, clientId: incident.clientId, details: { userId: p.p.userId, role: p.p.role } });
  });
}
