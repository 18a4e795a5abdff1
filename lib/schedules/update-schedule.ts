import { eq } from "drizzle-orm";
import { schedules } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getSchedule } from "./read-schedules";
import { updateScheduleInput } from "./schemas";

export async function updateSchedule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(updateScheduleInput, input);
  const { scheduleId, ...fields } = data;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  try {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(schedules).set({ ...patch, updatedAt: ctx.now }).where(eq(schedules.id, scheduleId)).returning({ id: schedules.id });
      if (!row) throw new NotFoundError("Schedule");
      await recordAudit(tx, ctx, { action: "schedule.update", targetType: "schedule", targetId: scheduleId, details: { changed: Object.keys(patch) } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A schedule named "${data.name}" already exists.`);
    throw e;
  }
  return getSchedule(ctx, scheduleId);
}
