import { asc, eq } from "drizzle-orm";
import { stakeholderUpdates, users } from "@/db/schema";
import { can } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import type { StakeholderUpdateOutput } from "./schemas";

/**
 * The updates sent about an incident, oldest first. Staff see every audience's message and its
 * recipients; a stakeholder sees only the messages addressed to them (matched by email: need to
 * know — a customer must not read what legal was told), without the recipient list or internal
 * notes, and an update with none for them is left out.
 */
export async function listStakeholderUpdates(ctx: Ctx, incidentId: string): Promise<StakeholderUpdateOutput[]> {
  const incident = await requireIncidentVisible(ctx, incidentId);
  const internal = can(ctx.viewer, "incidents:read-internal");
  const rows = await ctx.db
    .select({ u: stakeholderUpdates, name: users.name, email: users.email })
    .from(stakeholderUpdates)
    .leftJoin(users, eq(users.id, stakeholderUpdates.sentBy))
    .where(eq(stakeholderUpdates.incidentId, incident.id))
    .orderBy(asc(stakeholderUpdates.sentAt), asc(stakeholderUpdates.id));
  const me = ctx.viewer.email.toLowerCase();
  return rows.flatMap(({ u, name, email }) => {
    const messages = internal ? u.messages : u.messages.filter((m) => m.recipients.some((r) => r.email.toLowerCase() === me)).map(({ audience, subject, body }) => ({ audience, subject, body }));
    if (!messages.length) return [];
    return {
      id: u.id,
      incidentId: u.incidentId,
      audiences: internal ? u.audiences : messages.map((m) => m.audience),
      sentAt: u.sentAt.toISOString(),
      sentBy: u.sentBy ? { id: internal ? u.sentBy : "", name: name || email || "" } : null,
      messages,
    };
  });
}
