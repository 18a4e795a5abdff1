import { and, eq, inArray, lt, ne, sql } from "drizzle-orm";
import { clients, incidents, postmortemActionItems, postmortems, users } from "@/db/schema";
import { can } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { meetingDeadline, meetingOverdue } from "@/lib/core/postmortems";
import { confidentialityFilter } from "@/lib/incidents/visibility";

export type PostmortemAttention = {
  meetings: { postmortemId: string; incidentNumber: number; title: string; client: string; reason: "unscheduled" | "not_held"; due: string }[];
  actionItems: { postmortemId: string; incidentNumber: number; title: string; owner: string | null; dueDate: string }[];
};

/** For the dashboard: overdue after-action meetings and action items in the viewer's scope (the MSP's people only). */
export async function listPostmortemAttention(ctx: Ctx, limit = 10): Promise<PostmortemAttention> {
  if (!can(ctx.viewer, "incidents:read-internal")) return { meetings: [], actionItems: [] };
  const scope = ctx.viewer.clientIds === "all" ? undefined : inArray(incidents.clientId, ctx.viewer.clientIds.length ? ctx.viewer.clientIds : [""]);
  const hidden = confidentialityFilter(ctx);
  const today = ctx.now.toISOString().slice(0, 10);
  const rows = await ctx.db
    .select({ id: postmortems.id, status: postmortems.status, meetingAt: postmortems.meetingAt, number: incidents.number, title: incidents.title, resolvedAt: incidents.resolvedAt, client: clients.name })
    .from(postmortems)
    .innerJoin(incidents, eq(incidents.id, postmortems.incidentId))
    .innerJoin(clients, eq(clients.id, incidents.clientId))
    .where(and(ne(postmortems.status, "published"), scope, hidden, sql`(${postmortems.meetingAt} < ${ctx.now.toISOString()}::timestamptz or (${postmortems.meetingAt} is null and ${incidents.resolvedAt} < ${new Date(ctx.now.getTime() - 14 * 86_400_000).toISOString()}::timestamptz))`))
    .orderBy(incidents.resolvedAt)
    .limit(limit);
  const meetings = rows.flatMap((r) => {
    const reason = r.resolvedAt ? meetingOverdue({ resolvedAt: r.resolvedAt, meetingAt: r.meetingAt, status: r.status }, ctx.now) : null;
    return reason ? [{ postmortemId: r.id, incidentNumber: r.number, title: r.title, client: r.client, reason, due: (r.meetingAt ?? meetingDeadline(r.resolvedAt!)).toISOString() }] : [];
  });
  const items = await ctx.db
    .select({ postmortemId: postmortems.id, number: incidents.number, title: postmortemActionItems.title, owner: users.name, dueDate: postmortemActionItems.dueDate })
    .from(postmortemActionItems)
    .innerJoin(postmortems, eq(postmortems.id, postmortemActionItems.postmortemId))
    .innerJoin(incidents, eq(incidents.id, postmortems.incidentId))
    .leftJoin(users, eq(users.id, postmortemActionItems.ownerId))
    .where(and(ne(postmortemActionItems.status, "done"), lt(postmortemActionItems.dueDate, today), scope, hidden))
    .orderBy(postmortemActionItems.dueDate)
    .limit(limit);
  return { meetings, actionItems: items.map((i) => ({ postmortemId: i.postmortemId, incidentNumber: i.number, title: i.title, owner: i.owner || null, dueDate: i.dueDate! })) };
}
