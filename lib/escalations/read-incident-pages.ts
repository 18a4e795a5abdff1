import { and, eq, inArray } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { incidentIdInput } from "@/lib/incidents/schemas";
import { parseInput } from "@/lib/validation";
import { markRead } from "./mark-read";

/**
 * The viewer opened the incident in the portal: if they were paged for it and have not read the
 * page yet, their pages become read (`markRead`). Anyone else looking changes nothing: browsing
 * an incident is not answering a page.
 */
export async function readIncidentPages({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ changed: boolean }> {
  await requirePermission(ctx, "incidents:read", { type: "incident" });
  const { incidentId } = parseInput(incidentIdInput, input);
  await requireIncidentVisible(ctx, incidentId);
  const unread = await ctx.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.incidentId, incidentId), eq(notifications.userId, ctx.viewer.userId), eq(notifications.kind, "page"), inArray(notifications.state, ["sent", "delivered"])))
    .limit(1);
  if (!unread.length) return { changed: false };
  return { changed: await markRead(ctx.db, incidentId, ctx.viewer.userId, ctx.now, "in_app") };
}
