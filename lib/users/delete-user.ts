import { eq, inArray, or, sql } from "drizzle-orm";
import { layerAssignments, layerParticipants, layerVersions, scheduleLayers, scheduleOverrides, schedules, users } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertAnotherAdminRemains } from "./admin-guard";
import { deleteUserInput } from "./schemas";

/**
 * The schedules whose shifts deleting `userId` would rewrite: a rotation they take turns in (now
 * or in a kept version), a published plan or an override naming them (deleting cascades to those
 * rows, or leaves the past naming nobody, which would move everyone else's turns and change who
 * held past shifts).
 */
async function schedulesHolding(db: Queryable, userId: string): Promise<string[]> {
  const [turns, planned, overrides, versions] = await Promise.all([
    db.select({ layerId: layerParticipants.layerId }).from(layerParticipants).where(eq(layerParticipants.userId, userId)),
    db.select({ layerId: layerAssignments.layerId }).from(layerAssignments).where(eq(layerAssignments.userId, userId)),
    db.select({ scheduleId: scheduleOverrides.scheduleId }).from(scheduleOverrides).where(or(eq(scheduleOverrides.userId, userId), eq(scheduleOverrides.replacesUserId, userId))),
    // Kept rotation versions (the past of an edited layer) name people in JSON: who held those weeks.
    db
      .select({ layerId: layerVersions.layerId })
      .from(layerVersions)
      .where(
        or(
          sql`${layerVersions.participants} @> ${JSON.stringify([userId])}::jsonb`,
          // assignments: [[shiftIndex, userId], …]; strict, as lax mode would unwrap each pair
          sql`jsonb_path_exists(${layerVersions.assignments}, 'strict $[*] ? (@[1] == $id)', jsonb_build_object('id', ${userId}::text))`,
        ),
      ),
  ]);
  const layerIds = [...new Set([...turns, ...planned, ...versions].map((r) => r.layerId))];
  const viaLayers = layerIds.length ? await db.select({ scheduleId: scheduleLayers.scheduleId }).from(scheduleLayers).where(inArray(scheduleLayers.id, layerIds)) : [];
  const ids = [...new Set([...viaLayers, ...overrides].map((r) => r.scheduleId))];
  if (!ids.length) return [];
  return (await db.select({ name: schedules.name }).from(schedules).where(inArray(schedules.id, ids))).map((r) => r.name).sort();
}

/**
 * Removes a person with their sessions, tokens and memberships; audit rows keep their email.
 * Someone who is (or was) on a schedule is refused: disable them instead, which keeps history.
 */
export async function deleteUser({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "users:manage", { type: "user" });
  const data = parseInput(deleteUserInput, input);
  if (data.userId === ctx.viewer.userId) throw new ConflictError("You cannot delete yourself.");
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, data.userId)).for("update");
    if (!user) throw new NotFoundError("User");
    if (user.role === "admin") {
      await requirePermission(ctx, "users:grant-admin", { type: "user", id: user.id });
      await assertAnotherAdminRemains(tx, user.id);
    }
    const holding = await schedulesHolding(tx, user.id);
    if (holding.length) {
      throw new ConflictError(`${user.name || user.email} is on ${holding.length === 1 ? "the schedule" : "the schedules"} ${holding.join(", ")}: deleting them would rewrite who held those shifts. Disable the account instead (it then holds no shift from now on), or take them out of the rotations and overrides first.`);
    }
    await tx.delete(users).where(eq(users.id, user.id));
    await recordAudit(tx, ctx, { action: "user.delete", targetType: "user", targetId: user.id, details: { email: user.email, role: user.role } });
  });
}
