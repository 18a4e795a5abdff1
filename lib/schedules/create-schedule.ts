import { schedules } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getSchedule } from "./read-schedules";
import { createScheduleInput } from "./schemas";

export async function createSchedule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(createScheduleInput, input);
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schedules)
        .values({ name: data.name, description: data.description, timeZone: data.timeZone, teamId: data.teamId ?? null, clientId: data.clientId ?? null, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: schedules.id });
      await recordAudit(tx, ctx, { action: "schedule.create", targetType: "schedule", targetId: row!.id, details: { name: data.name, timeZone: data.timeZone } });
      return row!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A schedule named "${data.name}" already exists.`);
    throw e;
  }
  return getSchedule(ctx, id);
}
