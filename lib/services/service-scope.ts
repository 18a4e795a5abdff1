import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services } from "@/db/schema";
import { canSeeClient, requirePermission } from "@/lib/access/check";
import type { Permission } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";

/**
 * The service row if the viewer holds `permission` and the service's client is in their scope;
 * a service of another client is "not found" (its existence does not leak), and the denial is
 * audited. Call it before opening a transaction (the audit row must outlive the refusal).
 */
export async function requireServiceVisible(ctx: Ctx, serviceId: string, permission: Permission) {
  await requirePermission(ctx, permission, { type: "service", id: serviceId });
  const [row] = await ctx.db.select().from(services).where(eq(services.id, serviceId));
  if (!row) throw new NotFoundError("Service");
  if (!canSeeClient(ctx.viewer, row.clientId)) {
    await recordAudit(ctx.db, ctx, { action: "access.denied", targetType: "service", targetId: serviceId, details: { reason: "out of scope" } });
    throw new NotFoundError("Service");
  }
  return row;
}

export function serviceScope(viewer: Viewer) {
  return viewer.clientIds === "all" ? undefined : inArray(services.clientId, viewer.clientIds.length ? viewer.clientIds : [""]);
}

/** Inside the transaction: the service locked FOR UPDATE, scoped to the viewer (NotFoundError otherwise). */
export async function lockService(tx: Queryable, ctx: Ctx, serviceId: string) {
  const [row] = await tx
    .select()
    .from(services)
    .where(and(eq(services.id, serviceId), serviceScope(ctx.viewer)))
    .for("update");
  if (!row) throw new NotFoundError("Service");
  return row;
}
