import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clients, clientTeams, services, teams } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError, isUniqueViolation } from "@/lib/errors";
import { requirePolicyExists } from "@/lib/escalation-policies/policy-references";
import { parseInput } from "@/lib/validation";
import { getService } from "./read-services";
import { createServiceInput } from "./schemas";

/** The service's team must work for its client, so the team's engineers see its incidents. */
export async function requireTeamServesClient(tx: Queryable, clientId: string, teamId: string): Promise<void> {
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw InvalidError.field("teamId", "Unknown team");
  const [link] = await tx.select().from(clientTeams).where(and(eq(clientTeams.clientId, clientId), eq(clientTeams.teamId, teamId)));
  if (!link) throw InvalidError.field("teamId", "This team does not work for the client (add it on the client's page first)");
}

export async function createService({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "services:manage", { type: "service" });
  const data = parseInput(createServiceInput, input);
  let serviceId: string;
  try {
    serviceId = await ctx.db.transaction(async (tx) => {
      const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, data.clientId));
      if (!client) throw InvalidError.field("clientId", "Unknown client");
      await requireTeamServesClient(tx, data.clientId, data.teamId);
      if (data.escalationPolicyId) await requirePolicyExists(tx, data.escalationPolicyId);
      const [row] = await tx
        .insert(services)
        .values({ name: data.name, description: data.description, clientId: data.clientId, teamId: data.teamId, escalationPolicyId: data.escalationPolicyId, emailRules: data.emailRules, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: services.id });
      await recordAudit(tx, ctx, { action: "service.create", targetType: "service", targetId: row!.id, clientId: data.clientId, details: { name: data.name, teamId: data.teamId, escalationPolicyId: data.escalationPolicyId } });
      return row!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A service named "${data.name}" already exists.`);
    throw e;
  }
  return getService(ctx, serviceId);
}
