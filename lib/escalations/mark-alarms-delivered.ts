import { and, eq, inArray } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { markAlarmsDeliveredInput } from "./alarm-schemas";
import { systemTimeline } from "./timeline";

/**
 * A browser of the viewer's is showing these in-app pages: sent → delivered. Only the viewer's
 * own rows change; ids of anyone else's (or unknown, or already past "sent") are left alone, so
 * the answer lists just the ones that changed.
 */
export async function markAlarmsDelivered({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ delivered: string[] }> {
  await requirePermission(ctx, "incidents:read");
  const { ids } = parseInput(markAlarmsDeliveredInput, input);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ state: "delivered", deliveredAt: ctx.now })
      .where(and(inArray(notifications.id, [...new Set(ids)]), eq(notifications.userId, ctx.viewer.userId), eq(notifications.channel, "in_app"), eq(notifications.state, "sent")))
      .returning({ id: notifications.id, incidentId: notifications.incidentId, level: notifications.level, repeat: notifications.repeat });
    for (const r of rows) {
      await systemTimeline(tx, r.incidentId, ctx.now, "delivered", `In-app alarm showing for ${ctx.viewer.name || ctx.viewer.email}`, { notificationId: r.id, userId: ctx.viewer.userId, level: r.level, repeat: r.repeat });
    }
    return { delivered: rows.map((r) => r.id) };
  });
}
