import { and, eq, inArray, isNull } from "drizzle-orm";
import { layerVersions, scheduleLayers, schedules, swapRequests } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { layerIndexAt } from "./load-engine-schedule";
import { deleteLayerInput } from "./schemas";

/**
 * Deletes a layer. One that had started is retired instead: nobody is on call through it from
 * now on, but the shifts already worked stay in the schedule's history (calendar, feeds,
 * fairness, carried burden), and open swap requests on it are flagged. One with no past (not
 * started, no earlier version) is removed with everything it had.
 */
export async function deleteLayer({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(deleteLayerInput, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ layer: scheduleLayers, timeZone: schedules.timeZone })
      .from(scheduleLayers)
      .innerJoin(schedules, eq(schedules.id, scheduleLayers.scheduleId))
      .where(and(eq(scheduleLayers.id, data.layerId), eq(scheduleLayers.scheduleId, data.scheduleId), isNull(scheduleLayers.retiredAt)))
      .for("update");
    if (!row) throw new NotFoundError("Layer");
    // It has a past if its rotation has started, or an edit kept an earlier one as a version.
    const kept = await tx.select({ id: layerVersions.id }).from(layerVersions).where(eq(layerVersions.layerId, row.layer.id)).limit(1);
    const started = layerIndexAt(row.layer, row.timeZone, ctx.now) >= 0 || kept.length > 0;
    if (started) {
      await tx.update(scheduleLayers).set({ retiredAt: ctx.now, version: row.layer.version + 1, updatedAt: ctx.now }).where(eq(scheduleLayers.id, row.layer.id));
      await tx
        .update(swapRequests)
        .set({ flaggedAt: ctx.now, updatedAt: ctx.now })
        .where(and(eq(swapRequests.layerId, row.layer.id), inArray(swapRequests.status, ["pending", "accepted"]), isNull(swapRequests.flaggedAt)));
    } else {
      await tx.delete(scheduleLayers).where(eq(scheduleLayers.id, row.layer.id));
    }
    await recordAudit(tx, ctx, { action: "schedule.layer.delete", targetType: "schedule", targetId: data.scheduleId, details: { layerId: row.layer.id, name: row.layer.name, keptHistory: started } });
  });
}
