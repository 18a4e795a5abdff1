import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { clientContacts, clients, messageTemplates, services, type ContactRole } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { zoneAbbreviation } from "@/lib/core/time";
import { InvalidError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { parseInput } from "@/lib/validation";
import { renderTemplate } from "./render-template";
import { CONTACT_ROLE_LABELS, stakeholderUpdateInput, type AudienceMessage } from "./schemas";

const STATUS_WORDS = { triggered: "Investigating", acknowledged: "Being worked on", resolved: "Resolved" } as const;

/** "Mon 23 Nov 2026, 17:30 CET" in the client's zone. */
export function formatForClient(iso: string, timeZone: string): string {
  const at = new Date(iso);
  return `${new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(at)} ${zoneAbbreviation(at, timeZone)}`;
}

/**
 * Renders the update for each chosen audience with its template (the client's own, else the
 * one for every client) and lists its recipients. Nothing is written: sending calls this first,
 * so a missing variable, template or recipient stops it before anything is stored or sent.
 */
export async function previewStakeholderUpdate({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "incidents:respond", { type: "incident" });
  const data = parseInput(stakeholderUpdateInput, input);
  // A promise to the client's people: a next update more than a month out is a typo.
  if (data.nextUpdateAt && Date.parse(data.nextUpdateAt) > ctx.now.getTime() + 31 * 86_400_000) throw InvalidError.field("nextUpdateAt", "At most a month ahead");
  const incident = await requireIncidentVisible(ctx, data.incidentId);
  const audiences = [...new Set(data.audiences)];
  const [client] = await ctx.db.select({ name: clients.name, timeZone: clients.timeZone }).from(clients).where(eq(clients.id, incident.clientId));
  const [service] = await ctx.db.select({ name: services.name }).from(services).where(eq(services.id, incident.serviceId));
  const contacts = await ctx.db
    .select()
    .from(clientContacts)
    .where(and(eq(clientContacts.clientId, incident.clientId), inArray(clientContacts.role, audiences)));
  const templates = await ctx.db
    .select()
    .from(messageTemplates)
    .where(and(inArray(messageTemplates.audience, audiences), or(isNull(messageTemplates.clientId), eq(messageTemplates.clientId, incident.clientId))));
  const vars = {
    client: client!.name,
    incident: { number: incident.number, title: incident.title },
    status: STATUS_WORDS[incident.status],
    impact: data.impact,
    nextUpdateAt: data.nextUpdateAt ? formatForClient(data.nextUpdateAt, client!.timeZone) : undefined,
    service: service?.name ?? "",
    priority: incident.priority,
    updateMessage: data.message,
    senderName: ctx.viewer.name || ctx.viewer.email,
  };
  const messages: AudienceMessage[] = audiences.map((audience: ContactRole) => {
    const label = CONTACT_ROLE_LABELS[audience];
    // The client's own template wins; among several, the first by name.
    const candidates = templates.filter((t) => t.audience === audience).sort((a, b) => Number(!!b.clientId) - Number(!!a.clientId) || a.name.localeCompare(b.name));
    const template = candidates[0];
    if (!template) throw InvalidError.field("audiences", `There is no ${label.toLowerCase()} template for ${client!.name} or for every client: add one first.`);
    const recipients = contacts.filter((c) => c.role === audience && c.email).map((c) => ({ contactId: c.id, name: c.name, email: c.email! }));
    if (!recipients.length) throw InvalidError.field("audiences", `No ${label.toLowerCase()} contact of ${client!.name} has an email address: nobody would receive it.`);
    return {
      audience,
      templateId: template.id,
      subject: renderTemplate(template.subject, vars, `${audience}.subject`).replace(/\s+/g, " ").trim(),
      body: renderTemplate(template.body, vars, `${audience}.body`),
      recipients,
    };
  });
  return { incident, clientName: client!.name, messages };
}
