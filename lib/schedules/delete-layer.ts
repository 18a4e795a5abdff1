import { and, eq } from "drizzle-orm";
import { scheduleLayers } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deleteLayerInput } from "./schemas";

export async function deleteLayer({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "schedules:manage", { type: "schedule" });
  const data = parseInput(deleteLayerInput, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(scheduleLayers).where(and(eq(scheduleLayers.id, data.layerId), eq(scheduleLayers.scheduleId, data.scheduleId))).returning();
    if (!row) throw new NotFoundError("Layer");
    await recordAudit(tx, ctx, { action: "schedule.layer.delete", targetType: "schedule", targetId: data.scheduleId, details: { layerId: row.id, name: row.name } });
  });
}
