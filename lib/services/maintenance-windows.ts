import { and, eq, gt } from "drizzle-orm";
import { maintenanceWindows } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toWindowOutput } from "./read-services";
import { createMaintenanceWindowInput, endMaintenanceWindowInput } from "./schemas";
import { lockService, requireServiceVisible } from "./service-scope";

/** While a window is open the service's alerts are recorded and nobody is paged. */
export async function createMaintenanceWindow({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "maintenance:manage", { type: "maintenance_window" });
  const data = parseInput(createMaintenanceWindowInput, input);
  await requireServiceVisible(ctx, data.serviceId, "maintenance:manage");
  if (data.endsAt.getTime() <= ctx.now.getTime()) throw InvalidError.field("endsAt", "Must end in the future");
  return ctx.db.transaction(async (tx) => {
    const service = await lockService(tx, ctx, data.serviceId);
    const createdBy = ctx.viewer.userId === "admin-cli" ? null : ctx.viewer.userId;
    const [row] = await tx.insert(maintenanceWindows).values({ serviceId: service.id, startsAt: data.startsAt, endsAt: data.endsAt, reason: data.reason, createdBy, createdAt: ctx.now }).returning();
    await recordAudit(tx, ctx, {
      action: "maintenance.create",
      targetType: "maintenance_window",
      targetId: row!.id,
      clientId: service.clientId,
      details: { serviceId: service.id, startsAt: data.startsAt.toISOString(), endsAt: data.endsAt.toISOString() },
    });
    return toWindowOutput(row!);
  });
}

/** Ends an open window now, or cancels a future one. */
export async function endMaintenanceWindow({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "maintenance:manage", { type: "maintenance_window" });
  const data = parseInput(endMaintenanceWindowInput, input);
  await requireServiceVisible(ctx, data.serviceId, "maintenance:manage");
  return ctx.db.transaction(async (tx) => {
    const service = await lockService(tx, ctx, data.serviceId);
    const [row] = await tx
      .select()
      .from(maintenanceWindows)
      .where(and(eq(maintenanceWindows.id, data.windowId), eq(maintenanceWindows.serviceId, service.id), gt(maintenanceWindows.endsAt, ctx.now)))
      .for("update");
    if (!row) throw new NotFoundError("Open or upcoming maintenance window");
    if (row.startsAt.getTime() > ctx.now.getTime()) await tx.delete(maintenanceWindows).where(eq(maintenanceWindows.id, row.id));
    else await tx.update(maintenanceWindows).set({ endsAt: ctx.now }).where(eq(maintenanceWindows.id, row.id));
    await recordAudit(tx, ctx, { action: "maintenance.end", targetType: "maintenance_window", targetId: row.id, clientId: service.clientId, details: { serviceId: service.id } });
  });
}
