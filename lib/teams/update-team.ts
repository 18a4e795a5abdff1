import { eq } from "drizzle-orm";
import { teams } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getTeam } from "./read-teams";
import { saveTeamHolidays } from "./save-team-holidays";
import { updateTeamInput } from "./schemas";

export async function updateTeam({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "teams:manage", { type: "team" });
  const data = parseInput(updateTeamInput, input);
  try {
    await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(teams).where(eq(teams.id, data.teamId)).for("update");
      if (!before) throw new NotFoundError("Team");
      const patch = { ...(data.name !== undefined && { name: data.name }), ...(data.description !== undefined && { description: data.description }) };
      await tx.update(teams).set({ ...patch, updatedAt: ctx.now }).where(eq(teams.id, data.teamId));
      if (data.holidays) await saveTeamHolidays(tx, data.teamId, data.holidays);
      await recordAudit(tx, ctx, {
        action: "team.update",
        targetType: "team",
        targetId: data.teamId,
        details: { before: { name: before.name, description: before.description }, after: patch, ...(data.holidays && { holidays: data.holidays.length }) },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A team named "${data.name}" already exists.`);
    throw e;
  }
  return getTeam(ctx, data.teamId);
}
