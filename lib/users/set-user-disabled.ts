import { eq } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertAnotherAdminRemains } from "./admin-guard";
import { toUserOutput } from "./read-users";
import { setUserDisabledInput } from "./schemas";

/**
 * Disabling ends every session of that person at once (database sessions), and from that instant
 * their shifts are no longer theirs: schedules show lower layers or gaps there (`inactiveSince`).
 */
export async function setUserDisabled({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "users:manage", { type: "user" });
  const data = parseInput(setUserDisabledInput, input);
  if (data.userId === ctx.viewer.userId && data.disabled) throw new ConflictError("You cannot disable yourself.");
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, data.userId)).for("update");
    if (!before) throw new NotFoundError("User");
    if (before.role === "admin") {
      await requirePermission(ctx, "users:grant-admin", { type: "user", id: before.id });
      if (data.disabled) await assertAnotherAdminRemains(tx, before.id);
    }
    // Disabling twice keeps the first instant: shifts held before it stay the person's.
    const disabledAt = data.disabled ? (before.disabled ? (before.disabledAt ?? ctx.now) : ctx.now) : null;
    const [after] = await tx.update(users).set({ disabled: data.disabled, disabledAt, updatedAt: ctx.now }).where(eq(users.id, data.userId)).returning();
    if (data.disabled) await tx.delete(sessions).where(eq(sessions.userId, data.userId));
    await recordAudit(tx, ctx, { action: data.disabled ? "user.disable" : "user.enable", targetType: "user", targetId: data.userId });
    return toUserOutput(after!);
  });
}
