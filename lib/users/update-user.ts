import { eq } from "drizzle-orm";
import { clientStakeholders, teamMembers, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertAnotherAdminRemains } from "./admin-guard";
import { toUserOutput } from "./read-users";
import { updateUserInput } from "./schemas";

export async function updateUser({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "users:manage", { type: "user" });
  const data = parseInput(updateUserInput, input);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, data.userId)).for("update");
    if (!before) throw new NotFoundError("User");
    const roleChanges = data.role !== undefined && data.role !== before.role;
    // Only admins make or unmake admins.
    if (roleChanges && (data.role === "admin" || before.role === "admin")) await requirePermission(ctx, "users:grant-admin", { type: "user", id: before.id });
    if (roleChanges && before.role === "admin") await assertAnotherAdminRemains(tx, before.id);
    const { userId, ...fields } = data;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const [after] = await tx.update(users).set({ ...patch, updatedAt: ctx.now }).where(eq(users.id, userId)).returning();
    if (roleChanges && data.role === "stakeholder") await tx.delete(teamMembers).where(eq(teamMembers.userId, userId));
    if (roleChanges && before.role === "stakeholder") await tx.delete(clientStakeholders).where(eq(clientStakeholders.userId, userId));
    await recordAudit(tx, ctx, {
      action: roleChanges ? "user.role.change" : "user.update",
      targetType: "user",
      targetId: userId,
      details: { changed: Object.keys(patch), ...(roleChanges && { from: before.role, to: data.role }) },
    });
    return toUserOutput(after!);
  });
}
