import { eq } from "drizzle-orm";
import { teams } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError, isForeignKeyViolation, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deleteTeamInput } from "./schemas";

/** Deletes a team; from the UI the caller must type the team's name to confirm. */
export async function deleteTeam({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "teams:manage", { type: "team" });
  const data = parseInput(deleteTeamInput, input);
  try {
    await ctx.db.transaction(async (tx) => {
      const [team] = await tx.select().from(teams).where(eq(teams.id, data.teamId)).for("update");
      if (!team) throw new NotFoundError("Team");
      if (data.confirmName !== undefined && data.confirmName.trim() !== team.name) {
        throw InvalidError.field("confirmName", `Type "${team.name}" to confirm`);
      }
      await tx.delete(teams).where(eq(teams.id, data.teamId));
      await recordAudit(tx, ctx, { action: "team.delete", targetType: "team", targetId: team.id, details: { name: team.name } });
    });
  } catch (e) {
    // Services and incidents keep their client and team: refuse rather than lose history.
    if (isForeignKeyViolation(e)) throw new ConflictError("This team still runs services or incidents: give them to another team first.");
    throw e;
  }
}
