import { inArray } from "drizzle-orm";
import { teamMembers, teams, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError, isUniqueViolation } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getTeam } from "./read-teams";
import { saveTeamHolidays } from "./save-team-holidays";
import { createTeamInput } from "./schemas";

export async function createTeam({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "teams:manage", { type: "team" });
  const data = parseInput(createTeamInput, input);
  const memberIds = [...new Set([...data.memberIds, ...data.leadIds])];
  let teamId: string;
  try {
    teamId = await ctx.db.transaction(async (tx) => {
      if (memberIds.length > 0) {
        const found = await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, memberIds));
        const missing = memberIds.filter((id) => !found.some((u) => u.id === id));
        if (missing.length) throw InvalidError.field("memberIds", `Unknown user: ${missing.join(", ")}`);
        if (found.some((u) => u.role === "stakeholder")) throw InvalidError.field("memberIds", "Stakeholders cannot be team members");
      }
      const [team] = await tx
        .insert(teams)
        .values({ name: data.name, description: data.description, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: teams.id });
      const id = team!.id;
      if (memberIds.length > 0) {
        await tx.insert(teamMembers).values(memberIds.map((userId) => ({ teamId: id, userId, isLead: data.leadIds.includes(userId), joinedAt: ctx.now })));
      }
      await saveTeamHolidays(tx, id, data.holidays);
      await recordAudit(tx, ctx, { action: "team.create", targetType: "team", targetId: id, details: { name: data.name, memberIds, leadIds: data.leadIds, holidays: data.holidays.length } });
      return id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A team named "${data.name}" already exists.`);
    throw e;
  }
  return getTeam(ctx, teamId);
}
