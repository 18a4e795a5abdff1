import { eq } from "drizzle-orm";
import { scheduleOverrides, schedules, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { overrideInputAt } from "./schemas";

/**
 * A manager puts someone on call for [start, end), over whoever the rotation says: ending no
 * earlier than now and starting at most a year ahead (the past is what was worked).
 */
export async function createOverride({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(overrideInputAt(ctx.now), input);
  return ctx.db.transaction(async (tx) => {
    const [schedule] = await tx.select({ id: schedules.id }).from(schedules).where(eq(schedules.id, data.scheduleId));
    if (!schedule) throw new NotFoundError("Schedule");
    const [person] = await tx.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, data.userId));
    if (!person || person.disabled) throw InvalidError.field("userId", "Unknown or disabled person");
    if (person.role === "stakeholder") throw InvalidError.field("userId", "Stakeholders cannot be on call");
    const [row] = await tx
      .insert(scheduleOverrides)
      .values({ scheduleId: data.scheduleId, userId: data.userId, replacesUserId: data.replacesUserId ?? null, startsAt: data.start, endsAt: data.end, origin: "override", note: data.note, createdBy: ctx.viewer.userId, createdAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: "schedule.override.create", targetType: "schedule", targetId: data.scheduleId, details: { overrideId: row!.id, userId: data.userId, start: data.start.toISOString(), end: data.end.toISOString() } });
    return { id: row!.id, userId: row!.userId, start: row!.startsAt.toISOString(), end: row!.endsAt.toISOString(), origin: row!.origin };
  });
}
