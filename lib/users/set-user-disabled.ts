import { and, eq, gt, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { scheduleOverrides, schedules, sessions, users } from "@/db/schema";
import { formatDateTime } from "@/lib/format/date-time";
import { emailNotices, writeNotices, type Notice } from "@/lib/swaps/notify-swap";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertAnotherAdminRemains } from "./admin-guard";
import { toUserOutput } from "./read-users";
import { setUserDisabledInput } from "./schemas";

/**
 * The people whose shift someone was covering (an override or an approved swap still to come):
 * disabling them puts those people back on call there, and they are told.
 */
async function coversEnding(tx: Queryable, person: { id: string; name: string }, now: Date): Promise<{ userId: string; notice: Notice }[]> {
  const rows = await tx
    .select({ holder: scheduleOverrides.replacesUserId, start: scheduleOverrides.startsAt, end: scheduleOverrides.endsAt, schedule: schedules.name, zone: schedules.timeZone })
    .from(scheduleOverrides)
    .innerJoin(schedules, eq(schedules.id, scheduleOverrides.scheduleId))
    .where(and(eq(scheduleOverrides.userId, person.id), gt(scheduleOverrides.endsAt, now), isNotNull(scheduleOverrides.replacesUserId)));
  return rows.flatMap((r) => {
    if (!r.holder || r.holder === person.id) return [];
    const from = r.start > now ? r.start : now;
    const body = `${person.name}'s account was disabled, so their cover of your shift on ${r.schedule} no longer holds: you are on call again ${formatDateTime(from, r.zone)} – ${formatDateTime(r.end, r.zone)} (${r.zone}). Ask a colleague to cover it, or tell a manager.`;
    return [{ userId: r.holder, notice: { kind: "schedule.cover_ended", title: `You are on call again on ${r.schedule}`, body, link: "/schedules/mine" } }];
  });
}

/**
 * Disabling ends every session of that person at once (database sessions), and from that instant
 * their shifts are no longer theirs until they are enabled again: schedules show lower layers or
 * gaps there (`disabledPeriods`, the engine's `inactive` periods). Whoever they were covering is
 * back on call there, and is told (in the app and by email).
 */
export async function setUserDisabled({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "users:manage", { type: "user" });
  const data = parseInput(setUserDisabledInput, input);
  if (data.userId === ctx.viewer.userId && data.disabled) throw new ConflictError("You cannot disable yourself.");
  const result = await ctx.db.transaction(async (tx) => {
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
    const told = data.disabled && !open ? await coversEnding(tx, { id: before.id, name: before.name || before.email }, ctx.now) : [];
    for (const t of told) await writeNotices(tx, [t.userId], t.notice, ctx.now);
    await recordAudit(tx, ctx, { action: data.disabled ? "user.disable" : "user.enable", targetType: "user", targetId: data.userId });
    return { user: toUserOutput(after!), told };
  });
  for (const t of result.told) await emailNotices(ctx.db, [t.userId], t.notice, origin);
  return result.user;
}
