import { and, asc, eq, gte } from "drizzle-orm";
import { timeOff, users } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { localDateAt } from "@/lib/core/time";
import { ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deleteTimeOffInput, timeOffInput, timeOffInputOn } from "./schemas";

/**
 * Engineers record their own time off; managers anyone's. Dates are whole days in the person's
 * own zone: ending no earlier than their today, starting at most two years ahead.
 */
export async function createTimeOff({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "swaps:request", { type: "time_off" });
  const data = parseInput(timeOffInput, input);
  const userId = data.userId ?? ctx.viewer.userId;
  if (userId !== ctx.viewer.userId) await requirePermission(ctx, "timeoff:manage", { type: "time_off" });
  return ctx.db.transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id, timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
    if (!person) throw InvalidError.field("userId", "Unknown person");
    // Its dates are the person's days: "today" is theirs, known once they are.
    parseInput(timeOffInputOn(localDateAt(ctx.now.getTime(), person.timeZone)), input);
    const [row] = await tx.insert(timeOff).values({ userId, fromDate: data.fromDate, toDate: data.toDate, note: data.note, createdBy: ctx.viewer.userId, createdAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: "time_off.create", targetType: "time_off", targetId: row!.id, details: { userId, from: data.fromDate, to: data.toDate } });
    return { id: row!.id, userId, fromDate: row!.fromDate, toDate: row!.toDate, note: row!.note };
  });
}

export async function deleteTimeOff({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "swaps:request", { type: "time_off" });
  const data = parseInput(deleteTimeOffInput, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(timeOff).where(eq(timeOff.id, data.timeOffId));
    if (!row) throw new NotFoundError("Time off");
    if (row.userId !== ctx.viewer.userId && !can(ctx.viewer, "timeoff:manage")) throw new ForbiddenError("You can remove only your own time off.");
    await tx.delete(timeOff).where(eq(timeOff.id, row.id));
    await recordAudit(tx, ctx, { action: "time_off.delete", targetType: "time_off", targetId: row.id, details: { userId: row.userId } });
  });
}

/** Upcoming time off: the viewer's own, or everyone's for managers. */
export async function listTimeOff(ctx: Ctx, opts: { fromDate: string; userId?: string }) {
  await requirePermission(ctx, "schedules:read");
  const mine = !can(ctx.viewer, "timeoff:manage");
  // Asking for someone else's list without the right is refused, not silently answered with your own.
  if (mine && opts.userId !== undefined && opts.userId !== ctx.viewer.userId) throw new ForbiddenError("Only managers list other people's time off.");
  const userId = mine ? ctx.viewer.userId : opts.userId;
  return ctx.db
    .select({ id: timeOff.id, userId: timeOff.userId, name: users.name, fromDate: timeOff.fromDate, toDate: timeOff.toDate, note: timeOff.note })
    .from(timeOff)
    .innerJoin(users, eq(users.id, timeOff.userId))
    .where(and(gte(timeOff.toDate, opts.fromDate), userId ? eq(timeOff.userId, userId) : undefined))
    .orderBy(asc(timeOff.fromDate))
    .limit(500);
}
