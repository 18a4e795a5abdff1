import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertAnotherAdminRemains } from "./admin-guard";
import { deleteUserInput } from "./schemas";

/** Removes a person with their sessions, tokens and memberships; audit rows keep their email. */
export async function deleteUser({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "users:manage", { type: "user" });
  const data = parseInput(deleteUserInput, input);
  if (data.userId === ctx.viewer.userId) throw new ConflictError("You cannot delete yourself.");
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, data.userId)).for("update");
    if (!user) throw new NotFoundError("User");
    if (user.role === "admin") {
      await requirePermission(ctx, "users:grant-admin", { type: "user", id: user.id });
      await assertAnotherAdminRemains(tx, user.id);
    }
    await tx.delete(users).where(eq(users.id, user.id));
    await recordAudit(tx, ctx, { action: "user.delete", targetType: "user", targetId: user.id, details: { email: user.email, role: user.role } });
  });
}
