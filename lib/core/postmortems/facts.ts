import { publicActorLabel } from "../timeline";
import type { Facts, FactsNotification, FactsTimelineRow, PostmortemContent } from "./types";

type IncidentRow = { id: string; number: number; title: string; priority: string; triggeredAt: Date; promotedAt: Date | null; acknowledgedAt: Date | null; resolvedAt: Date | null };

const seconds = (from: Date, to: Date | null) => (to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);

/**
 * The facts of an incident at resolution, from its rows. Time to acknowledge/resolve counts from
 * when paging started (promotion for a deferred incident, else the trigger).
 */
export function computeFacts(input: {
  incident: IncidentRow;
  client: { id: string; name: string };
  service: { id: string; name: string };
  timeline: { id: number; at: Date; kind: string; actorLabel: string; message: string; internal: boolean }[];
  notifications: { person: string; channel: string; state: string; createdAt: Date; sentAt: Date | null; level: number }[];
  responders: { id: string; name: string }[];
}): Facts {
  const i = input.incident;
  const start = i.promotedAt ?? i.triggeredAt;
  const seen = new Set<string>();
  const responders = input.responders.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  return {
    incident: { id: i.id, number: i.number, title: i.title, priority: i.priority, triggeredAt: i.triggeredAt.toISOString(), acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null, resolvedAt: i.resolvedAt?.toISOString() ?? null },
    client: input.client,
    service: input.service,
    timeToAcknowledgeSeconds: seconds(start, i.acknowledgedAt),
    timeToResolveSeconds: seconds(start, i.resolvedAt),
    timeline: input.timeline.map((t): FactsTimelineRow => ({ id: t.id, at: t.at.toISOString(), kind: t.kind, actor: t.actorLabel, message: t.message, internal: t.internal })),
    notifications: input.notifications.map((n): FactsNotification => ({ person: n.person, channel: n.channel, state: n.state, at: (n.sentAt ?? n.createdAt).toISOString(), level: n.level })),
    responders,
  };
}

/** "1 h 5 min", "45 s", "—". */
export function formatDuration(totalSeconds: number | null): string {
  if (totalSeconds === null) return "—";
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const m = Math.floor(totalSeconds / 60);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const mm = m % 60;
  return [d ? `${d} d` : "", h ? `${h} h` : "", mm || (!d && !h) ? `${mm} min` : ""].filter(Boolean).join(" ");
}

/** What a stakeholder may see: public timeline rows only (actors without routing-key prefixes), no notification details. */
export function forStakeholders(content: PostmortemContent): PostmortemContent {
  const timeline = content.facts.timeline.filter((t) => !t.internal).map((t) => ({ ...t, actor: publicActorLabel(t.actor) }));
  const keep = new Set(timeline.map((t) => t.id));
  return { ...content, facts: { ...content.facts, timeline, notifications: [] }, starredTimelineIds: content.starredTimelineIds.filter((id) => keep.has(id)) };
}
