import { and, desc, eq, inArray } from "drizzle-orm";
import { clients, incidents, notifications, services } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import type { AlarmOutput } from "./alarm-schemas";

/**
 * What should ring in the viewer's portal now: their in-app pages that went out and are not yet
 * read, for incidents still triggered, one entry per incident (newest page first). Reading
 * changes nothing; the browser reports delivery separately.
 */
export async function listMyAlarms(ctx: Ctx): Promise<AlarmOutput[]> {
  await requirePermission(ctx, "incidents:read");
  const rows = await ctx.db
    .select({
      id: notifications.id,
      state: notifications.state,
      sentAt: notifications.sentAt,
      createdAt: notifications.createdAt,
      incidentId: incidents.id,
      number: incidents.number,
      title: incidents.title,
      priority: incidents.priority,
      confidential: incidents.confidential,
      triggeredAt: incidents.triggeredAt,
      client: clients.name,
      service: services.name,
    })
    .from(notifications)
    .innerJoin(incidents, eq(incidents.id, notifications.incidentId))
    .innerJoin(clients, eq(clients.id, incidents.clientId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .where(
      and(
        eq(notifications.userId, ctx.viewer.userId),
        eq(notifications.kind, "page"),
        eq(notifications.channel, "in_app"),
        inArray(notifications.state, ["sent", "delivered"]),
        eq(incidents.status, "triggered"),
      ),
    )
    .orderBy(desc(incidents.triggeredAt), desc(notifications.createdAt))
    .limit(200);
  const byIncident = new Map<string, AlarmOutput>();
  for (const r of rows) {
    const seen = byIncident.get(r.incidentId);
    if (seen) {
      seen.notificationIds.push(r.id);
      if (r.state === "sent") seen.state = "sent";
      continue;
    }
    const hide = r.confidential;
    byIncident.set(r.incidentId, {
      id: r.id,
      notificationIds: [r.id],
      incidentId: r.incidentId,
      number: r.number,
      confidential: r.confidential,
      title: hide ? null : r.title,
      priority: hide ? null : r.priority,
      client: hide ? null : r.client,
      service: hide ? null : r.service,
      triggeredAt: r.triggeredAt.toISOString(),
      sentAt: (r.sentAt ?? r.createdAt).toISOString(),
      state: r.state === "delivered" ? "delivered" : "sent",
    });
  }
  return [...byIncident.values()];
}
