import { eq } from "drizzle-orm";
import { schedules } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deleteScheduleInput } from "./schemas";

export async function deleteSchedule({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(deleteScheduleInput, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(schedules).where(eq(schedules.id, data.scheduleId)).for("update");
    if (!row) throw new NotFoundError("Schedule");
    if (data.confirmName !== undefined && data.confirmName.trim() !== row.name) throw InvalidError.field("confirmName", `Type "${row.name}" to confirm`);
    await tx.delete(schedules).where(eq(schedules.id, row.id));
    await recordAudit(tx, ctx, { action: "schedule.delete", targetType: "schedule", targetId: row.id, details: { name: row.name } });
  });
}
