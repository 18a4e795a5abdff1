import { and, eq } from "drizzle-orm";
import { scheduleOverrides } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deleteOverrideInput } from "./schemas";

export async function deleteOverride({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(deleteOverrideInput, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(scheduleOverrides).where(and(eq(scheduleOverrides.id, data.overrideId), eq(scheduleOverrides.scheduleId, data.scheduleId)));
    if (!row) throw new NotFoundError("Override");
    if (row.origin === "swap") throw new ConflictError("This override comes from an approved swap: revert the swap instead.");
    await tx.delete(scheduleOverrides).where(eq(scheduleOverrides.id, row.id));
    await recordAudit(tx, ctx, { action: "schedule.override.delete", targetType: "schedule", targetId: data.scheduleId, details: { overrideId: row.id, userId: row.userId } });
  });
}
