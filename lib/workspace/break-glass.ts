import { eq } from "drizzle-orm";
import { incidentBreakGlass, incidents } from "@/db/schema";
import { canSeeClient, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { appendTimeline } from "./incident-manager";
import { breakGlassInput, type BreakGlassOutput } from "./schemas";

/** How long a break-glass grant lasts; after that the admin must give a reason again. */
export const BREAK_GLASS_MINUTES = 60;

/**
 * An admin reads a confidential incident they have no need-to-know for, giving a reason. The grant
 * is audited, shown on the incident's timeline (its participants see who looked and why), and
 * every read under it is audited as any confidential read is.
 */
export async function breakGlass({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<BreakGlassOutput> {
  await requirePermission(ctx, "incidents:break-glass", { type: "incident" });
  const data = parseInput(breakGlassInput, input);
  const [incident] = await ctx.db.select().from(incidents).where(eq(incidents.id, data.incidentId));
  if (!incident || !canSeeClient(ctx.viewer, incident.clientId)) throw new NotFoundError("Incident");
  const expiresAt = new Date(ctx.now.getTime() + BREAK_GLASS_MINUTES * 60_000);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(incidentBreakGlass).values({ incidentId: incident.id, userId: ctx.viewer.userId, reason: data.reason, at: ctx.now, expiresAt }).returning();
    await appendTimeline(tx, ctx, incident.id, { kind: "confidentiality", message: `Broke the glass for ${BREAK_GLASS_MINUTES} min: ${data.reason}`, details: { breakGlassId: row!.id } });
    await recordAudit(tx, ctx, { action: "incident.break_glass", targetType: "incident", targetId: incident.id, clientId: incident.clientId, details: { reason: data.reason, expiresAt: expiresAt.toISOString() } });
    return { id: row!.id, incidentId: incident.id, reason: row!.reason, at: row!.at.toISOString(), expiresAt: row!.expiresAt.toISOString() };
  });
}
