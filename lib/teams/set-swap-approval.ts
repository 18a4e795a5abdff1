import { eq } from "drizzle-orm";
import { z } from "zod";
import { teams } from "@/db/schema";
import { requirePermission, requireTeamVisible } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { boolish, idSchema } from "@/lib/http/common-schemas";
import { parseInput } from "@/lib/validation";

export const setSwapApprovalInput = z.object({ teamId: idSchema, required: boolish });

/**
 * Whether the team's swap and cover requests wait for a manager's approval after the colleague
 * accepts. Requests already made keep the rule they were made under.
 */
export async function setSwapApproval({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "teams:manage", { type: "team" });
  const data = parseInput(setSwapApprovalInput, input);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ id: teams.id, required: teams.swapApprovalRequired }).from(teams).where(eq(teams.id, data.teamId)).for("update");
    if (!before) throw new NotFoundError("Team");
    if (before.required !== data.required) {
      await tx.update(teams).set({ swapApprovalRequired: data.required, updatedAt: ctx.now }).where(eq(teams.id, data.teamId));
      await recordAudit(tx, ctx, { action: "team.swap_approval", targetType: "team", targetId: data.teamId, details: { before: before.required, after: data.required } });
    }
    return { teamId: data.teamId, swapApprovalRequired: data.required };
  });
}

/** The team's current rule, for its settings page. */
export async function getSwapApproval(ctx: Ctx, teamId: string): Promise<boolean> {
  await requireTeamVisible(ctx, teamId);
  const [row] = await ctx.db.select({ required: teams.swapApprovalRequired }).from(teams).where(eq(teams.id, teamId));
  if (!row) throw new NotFoundError("Team");
  return row.required;
}
