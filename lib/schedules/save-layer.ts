import { and, eq, inArray, isNull, max } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { layerParticipants, scheduleLayers, schedules, swapRequests, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { checkShiftInstanceAnchor } from "@/lib/core/schedule";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toEngineLayer } from "./load-engine-schedule";
import { getSchedule } from "./read-schedules";
import { layerInput } from "./schemas";

/**
 * Open swap requests anchored to a layer's shift instances are flagged when an edit moves or
 * reassigns the instance they name: shown to people, never silently moved.
 */
async function flagMovedRequests(tx: Tx, layer: typeof scheduleLayers.$inferSelect, participants: string[], timeZone: string, now: Date) {
  const open = await tx
    .select()
    .from(swapRequests)
    .where(and(eq(swapRequests.layerId, layer.id), inArray(swapRequests.status, ["pending", "accepted"]), isNull(swapRequests.flaggedAt)));
  const schedule = { timeZone, layers: [toEngineLayer({ ...layer, participants })] };
  for (const r of open) {
    const check = checkShiftInstanceAnchor(schedule, { layerId: r.layerId, index: r.shiftIndex, userId: r.requesterId, start: r.shiftStart.getTime(), end: r.shiftEnd.getTime() });
    if (check.status !== "unchanged") await tx.update(swapRequests).set({ flaggedAt: now, updatedAt: now }).where(eq(swapRequests.id, r.id));
  }
}

/** Creates or edits a rotation layer with its ordered participants. */
export async function saveLayer({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(layerInput, input);
  await ctx.db.transaction(async (tx) => {
    const [schedule] = await tx.select().from(schedules).where(eq(schedules.id, data.scheduleId)).for("update");
    if (!schedule) throw new NotFoundError("Schedule");
    const people = await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, data.participantIds));
    for (const [i, id] of data.participantIds.entries()) {
      const p = people.find((x) => x.id === id);
      if (!p) throw InvalidError.field(`participantIds.${i}`, "Unknown person");
      if (p.role === "stakeholder") throw InvalidError.field(`participantIds.${i}`, "Stakeholders cannot be on call");
    }
    const fields = {
      name: data.name,
      shiftUnit: data.shiftUnit,
      shiftCount: data.shiftCount,
      handoffTime: data.handoffTime,
      handoffWeekday: data.shiftUnit === "weeks" ? (data.handoffWeekday ?? null) : null,
      startDate: data.startDate,
      restrictions: data.restrictions,
      updatedAt: ctx.now,
    };
    let layer: typeof scheduleLayers.$inferSelect;
    if (data.layerId) {
      const [before] = await tx.select().from(scheduleLayers).where(and(eq(scheduleLayers.id, data.layerId), eq(scheduleLayers.scheduleId, schedule.id)));
      if (!before) throw new NotFoundError("Layer");
      [layer] = (await tx
        .update(scheduleLayers)
        .set({ ...fields, ...(data.position !== undefined && { position: data.position }), version: before.version + 1 })
        .where(eq(scheduleLayers.id, before.id))
        .returning()) as [typeof scheduleLayers.$inferSelect];
      await tx.delete(layerParticipants).where(eq(layerParticipants.layerId, layer.id));
    } else {
      const [top] = await tx.select({ p: max(scheduleLayers.position) }).from(scheduleLayers).where(eq(scheduleLayers.scheduleId, schedule.id));
      [layer] = (await tx
        .insert(scheduleLayers)
        .values({ ...fields, scheduleId: schedule.id, position: data.position ?? (top?.p ?? -1) + 1, createdAt: ctx.now })
        .returning()) as [typeof scheduleLayers.$inferSelect];
    }
    await tx.insert(layerParticipants).values(data.participantIds.map((userId, position) => ({ layerId: layer.id, position, userId })));
    if (data.layerId) await flagMovedRequests(tx, layer, data.participantIds, schedule.timeZone, ctx.now);
    await recordAudit(tx, ctx, {
      action: data.layerId ? "schedule.layer.update" : "schedule.layer.create",
      targetType: "schedule",
      targetId: schedule.id,
      details: { layerId: layer.id, name: data.name, participantIds: data.participantIds, shift: `${data.shiftCount} ${data.shiftUnit}`, handoffTime: data.handoffTime },
    });
  });
  return getSchedule(ctx, data.scheduleId);
}
