import { and, eq } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { alarmIdInput } from "./alarm-schemas";
import { markRead } from "./mark-read";

/**
 * The viewer opened an alarm: every page of theirs for its incident becomes read (`markRead`).
 * Someone else's notification is "not found", exactly like an unknown id.
 */
export async function readMyAlarm({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ incidentId: string; changed: boolean }> {
  await requirePermission(ctx, "incidents:read");
  const { notificationId } = parseInput(alarmIdInput, input);
  const [row] = await ctx.db
    .select({ incidentId: notifications.incidentId })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, ctx.viewer.userId), eq(notifications.kind, "page")));
  if (!row) throw new NotFoundError("Notification");
  const changed = await markRead(ctx.db, row.incidentId, ctx.viewer.userId, ctx.now, "in_app");
  return { incidentId: row.incidentId, changed };
}
