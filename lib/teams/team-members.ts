import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { teamMembers, teams, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getTeam } from "./read-teams";
import { addTeamMemberInput, removeTeamMemberInput, setTeamLeadInput } from "./schemas";

async function lockTeam(tx: Tx, teamId: string) {
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for("update");
  if (!team) throw new NotFoundError("Team");
}

export async function addTeamMember({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "teams:manage", { type: "team" });
  const data = parseInput(addTeamMemberInput, input);
  await ctx.db.transaction(async (tx) => {
    await lockTeam(tx, data.teamId);
    const [user] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, data.userId));
    if (!user) throw InvalidError.field("userId", "Unknown user");
    if (user.role === "stakeholder") throw InvalidError.field("userId", "Stakeholders cannot be team members");
    const inserted = await tx
      .insert(teamMembers)
      .values({ teamId: data.teamId, userId: data.userId, isLead: data.isLead, joinedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ userId: teamMembers.userId });
    if (inserted.length === 0) throw new ConflictError("That person is already a member of this team.");
    await recordAudit(tx, ctx, { action: "team.member.add", targetType: "team", targetId: data.teamId, details: { userId: data.userId, isLead: data.isLead } });
  });
  return getTeam(ctx, data.teamId);
}

export async function setTeamLead({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "teams:manage", { type: "team" });
  const data = parseInput(setTeamLeadInput, input);
  await ctx.db.transaction(async (tx) => {
    await lockTeam(tx, data.teamId);
    const updated = await tx
      .update(teamMembers)
      .set({ isLead: data.isLead })
      .where(and(eq(teamMembers.teamId, data.teamId), eq(teamMembers.userId, data.userId)))
      .returning({ userId: teamMembers.userId });
    if (updated.length === 0) throw new NotFoundError("Team member");
    await recordAudit(tx, ctx, { action: data.isLead ? "team.lead.add" : "team.lead.remove", targetType: "team", targetId: data.teamId, details: { userId: data.userId } });
  });
  return getTeam(ctx, data.teamId);
}

export async function removeTeamMember({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "teams:manage", { type: "team" });
  const data = parseInput(removeTeamMemberInput, input);
  await ctx.db.transaction(async (tx) => {
    await lockTeam(tx, data.teamId);
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, data.teamId), eq(teamMembers.userId, data.userId)))
      .returning({ userId: teamMembers.userId });
    if (removed.length === 0) throw new NotFoundError("Team member");
    await recordAudit(tx, ctx, { action: "team.member.remove", targetType: "team", targetId: data.teamId, details: { userId: data.userId } });
  });
  return getTeam(ctx, data.teamId);
}
