import { asc, eq, isNull, and } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clients, incidentParticipants, incidents, incidentTimeline, notifications, services, users } from "@/db/schema";
import { computeFacts, type Facts } from "@/lib/core/postmortems";

/** Reads an incident's rows (timeline incl. internal, notifications, participants) into the post-mortem's facts. */
export async function buildFacts(db: Queryable, incidentId: string): Promise<Facts | null> {
  const [row] = await db
    .select({ incident: incidents, client: { id: clients.id, name: clients.name }, service: { id: services.id, name: services.name } })
    .from(incidents)
    .innerJoin(clients, eq(clients.id, incidents.clientId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .where(eq(incidents.id, incidentId));
  if (!row) return null;
  const timeline = await db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, incidentId)).orderBy(asc(incidentTimeline.at), asc(incidentTimeline.id)).limit(2000);
  const pages = await db
    .select({ n: notifications, name: users.name, email: users.email })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.incidentId, incidentId))
    .orderBy(asc(notifications.createdAt), asc(notifications.level))
    .limit(500);
  const participants = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(incidentParticipants)
    .innerJoin(users, eq(users.id, incidentParticipants.userId))
    .where(and(eq(incidentParticipants.incidentId, incidentId), isNull(incidentParticipants.leftAt)));
  const actorIds = [row.incident.acknowledgedBy, row.incident.resolvedBy].filter((x): x is string => !!x);
  const actors = [];
  for (const id of actorIds) {
    const [u] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id));
    if (u) actors.push(u);
  }
  return computeFacts({
    incident: row.incident,
    client: row.client,
    service: row.service,
    timeline: timeline.map((t) => ({ id: t.id, at: t.at, kind: t.kind, actorLabel: t.actorLabel, message: t.message, internal: t.internal })),
    notifications: pages.map(({ n, name, email }) => ({ person: name || email || n.email || "Someone", channel: n.channel, state: n.state, createdAt: n.createdAt, sentAt: n.sentAt, level: n.level })),
    responders: [...participants, ...actors].map((p) => ({ id: p.id, name: p.name || p.email })),
  });
}
