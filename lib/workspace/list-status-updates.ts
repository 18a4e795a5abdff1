import { desc, eq } from "drizzle-orm";
import { incidentStatusUpdates, users } from "@/db/schema";
import { can } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import type { StatusUpdateOutput } from "./schemas";

/** Newest first. Public: stakeholders of the client read them too (without the author's id). */
export async function listStatusUpdates(ctx: Ctx, incidentId: string): Promise<StatusUpdateOutput[]> {
  await requireIncidentVisible(ctx, incidentId, "status_updates");
  const internal = can(ctx.viewer, "incidents:read-internal");
  const rows = await ctx.db
    .select({ u: incidentStatusUpdates, name: users.name, email: users.email })
    .from(incidentStatusUpdates)
    .leftJoin(users, eq(users.id, incidentStatusUpdates.authorId))
    .where(eq(incidentStatusUpdates.incidentId, incidentId))
    .orderBy(desc(incidentStatusUpdates.at), desc(incidentStatusUpdates.id))
    .limit(500);
  return rows.map(({ u, name, email }) => ({
    id: u.id,
    phase: u.phase,
    message: u.message,
    author: u.authorId ? { id: internal ? u.authorId : "", name: name || email || "" } : null,
    at: u.at.toISOString(),
  }));
}
