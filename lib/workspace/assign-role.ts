import { eq } from "drizzle-orm";
import { incidentParticipants, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { parseInput } from "@/lib/validation";
import { appendTimeline, hasActiveIncidentManager, requireIncidentManager } from "./incident-manager";
import { participantsOf } from "./list-participants";
import { assignRoleInput, RESPONSE_ROLE_LABELS, type ParticipantOutput } from "./schemas";

/**
 * Gives a person a response role on the incident. The incident manager or a manager assigns any
 * role; anyone who responds may join as a plain responder themselves (lib/workspace/join-incident.ts).
 */
export async function assignRole({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ParticipantOutput> {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(assignRoleInput, input);
  const incident = await requireIncidentVisible(ctx, data.incidentId, "assign_role");
  const selfJoin = data.role === "responder" && data.userId === ctx.viewer.userId;
  // Taking command: with nobody in the incident-manager role, whoever responds may take it themselves
  // (at night there may be no manager to name one; the checklist's first step asks for one).
  const takeCommand = data.role === "incident_manager" && data.userId === ctx.viewer.userId && !(await hasActiveIncidentManager(ctx.db, incident.id));
  if (!selfJoin && !takeCommand) await requireIncidentManager(ctx.db, ctx, incident.id);
  const [person] = await ctx.db.select().from(users).where(eq(users.id, data.userId));
  if (!person || person.disabled || person.role === "stakeholder") throw InvalidError.field("userId", "Choose an active member of staff");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(incidentParticipants)
      .values({ incidentId: incident.id, userId: person.id, role: data.role, joinedAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ConflictError(`${person.name || person.email} already is ${RESPONSE_ROLE_LABELS[data.role].toLowerCase()} on this incident.`);
    const name = person.name || person.email;
    await appendTimeline(tx, ctx, incident.id, selfJoin
      ? { kind: "joined", message: `${name} joined as responder`, details: { userId: person.id, role: data.role } }
      : takeCommand
        ? { kind: "role_assigned", message: `${name} took command as incident manager`, details: { userId: person.id, role: data.role } }
        : { kind: "role_assigned", message: `${name} is ${RESPONSE_ROLE_LABELS[data.role].toLowerCase()}`, details: { userId: person.id, role: data.role } });
    await recordAudit(tx, ctx, { action: "incident.role_assign", targetType: "incident", targetId: incident.id, clientId: incident.clientId, details: { userId: person.id, role: data.role } });
    const all = await participantsOf(tx, incident.id);
    return all.find((p) => p.id === row.id)!;
  });
}

/** Joins the incident as a responder (a shortcut for assigning oneself the responder role). */
export async function joinIncident({ ctx, input }: { ctx: Ctx; input: { incidentId: string } }): Promise<ParticipantOutput> {
  return assignRole({ ctx, input: { incidentId: input.incidentId, userId: ctx.viewer.userId, role: "responder" } });
}

