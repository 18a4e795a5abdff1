import type { Queryable } from "@/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAudit, type AuditContext } from "@/lib/audit/record";
import { roleHas, type Permission } from "./permissions";
import type { Viewer } from "./viewer";

export type AccessContext = AuditContext & { db: Queryable; viewer: Viewer };

/** Throws ForbiddenError (and writes the denial to the audit log) unless the viewer's role holds `permission`. */
export async function requirePermission(ctx: AccessContext, permission: Permission, target?: { type: string; id?: string }): Promise<void> {
  if (roleHas(ctx.viewer.role, permission)) return;
  await recordAudit(ctx.db, ctx, { action: "access.denied", targetType: target?.type, targetId: target?.id, details: { permission } });
  throw new ForbiddenError();
}

export function can(viewer: Viewer, permission: Permission): boolean {
  return roleHas(viewer.role, permission);
}

export function canSeeClient(viewer: Viewer, clientId: string): boolean {
  return viewer.clientIds === "all" || viewer.clientIds.includes(clientId);
}

/** Managers and admins see every team; others the teams they belong to. */
export function canSeeTeam(viewer: Viewer, teamId: string): boolean {
  return roleHas(viewer.role, "teams:manage") || (roleHas(viewer.role, "teams:read") && viewer.teamIds.includes(teamId));
}

/** A client outside the viewer's scope is reported as not found, so its existence does not leak. */
export async function requireClientVisible(ctx: AccessContext, clientId: string): Promise<void> {
  await requirePermission(ctx, "clients:read", { type: "client", id: clientId });
  if (canSeeClient(ctx.viewer, clientId)) return;
  await recordAudit(ctx.db, ctx, { action: "access.denied", targetType: "client", targetId: clientId, details: { reason: "out of scope" } });
  throw new NotFoundError("Client");
}

export async function requireTeamVisible(ctx: AccessContext, teamId: string): Promise<void> {
  await requirePermission(ctx, "teams:read", { type: "team", id: teamId });
  if (canSeeTeam(ctx.viewer, teamId)) return;
  await recordAudit(ctx.db, ctx, { action: "access.denied", targetType: "team", targetId: teamId, details: { reason: "out of scope" } });
  throw new NotFoundError("Team");
}
