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
 * their shifts are no longer theirs until they are enabled again: schedules show lower layers or
 * gaps there (`disabledPeriods`, the engine's `inactive` periods).
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
    // Each time disabled opens a period, enabling closes it; disabling twice keeps the first instant.
    // The periods stay, so the shifts of the time they could not be paged keep their gaps.
    const periods = [...before.disabledPeriods];
    const open = periods.at(-1)?.to === null;
    if (data.disabled && !open) periods.push({ from: ctx.now.toISOString(), to: null });
    if (!data.disabled && open) periods[periods.length - 1] = { ...periods.at(-1)!, to: ctx.now.toISOString() };
    const [after] = await tx.update(users).set({ disabled: data.disabled, disabledPeriods: periods, updatedAt: ctx.now }).where(eq(users.id, data.userId)).returning();
    if (data.disabled) await tx.delete(sessions).where(eq(sessions.userId, data.userId));
    await recordAudit(tx, ctx, { action: data.disabled ? "user.disable" : "user.enable", targetType: "user", targetId: data.userId });
    return toUserOutput(after!);
  });
}
