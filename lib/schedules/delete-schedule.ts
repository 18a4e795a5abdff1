import { asc, eq, sql } from "drizzle-orm";
import { escalationPolicies, schedules } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deleteScheduleInput } from "./schemas";

/** Deletes a schedule no escalation policy targets (one in use is refused, naming the policies: they would page nobody through it). */
export async function deleteSchedule({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(deleteScheduleInput, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(schedules).where(eq(schedules.id, data.scheduleId)).for("update");
    if (!row) throw new NotFoundError("Schedule");
    if (data.confirmName !== undefined && data.confirmName.trim() !== row.name) throw InvalidError.field("confirmName", `Type "${row.name}" to confirm`);
    const target = JSON.stringify([{ targets: [{ type: "schedule", id: row.id }] }]);
    const using = await tx.select({ name: escalationPolicies.name }).from(escalationPolicies).where(sql`${escalationPolicies.levels} @> ${target}::jsonb`).orderBy(asc(escalationPolicies.name));
    if (using.length) {
      const names = using.map((p) => p.name);
      throw new ConflictError(`${row.name} is a target of ${names.length === 1 ? "the escalation policy" : `${names.length} escalation policies:`} ${names.join(", ")}. Remove it from ${names.length === 1 ? "that policy" : "them"} first.`);
    }
    await tx.delete(schedules).where(eq(schedules.id, row.id));
    await recordAudit(tx, ctx, { action: "schedule.delete", targetType: "schedule", targetId: row.id, details: { name: row.name } });
  });
}
