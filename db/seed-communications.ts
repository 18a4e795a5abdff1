import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "./client";
import { clientContacts, clients, messageTemplates, type ContactRole } from "./schema";

const TEMPLATES: { audience: ContactRole; name: string; subject: string; body: string }[] = [
  {
    audience: "owner",
    name: "Owner update",
    subject: "[{{client}}] Incident #{{incident.number}}: {{status}}",
    body: "Incident #{{incident.number}} — {{incident.title}}\nStatus: {{status}} · Priority: {{priority}} · Service: {{service}}\n\nImpact: {{impact}}\n\n{{updateMessage}}\n\nNext update by {{nextUpdateAt}}.\n\n{{senderName}}, on behalf of your IT team",
  },
  {
    audience: "management",
    name: "Management update",
    subject: "[{{client}}] {{status}}: {{incident.title}}",
    body: "Summary for {{client}} management\n\nWhat is affected: {{service}}\nBusiness impact: {{impact}}\nCurrent status: {{status}} (priority {{priority}})\n\nLatest: {{updateMessage}}\n\nWe will update you again by {{nextUpdateAt}}.\n\n{{senderName}}",
  },
  {
    audience: "customer",
    name: "Customer notice",
    subject: "Service notice from {{client}}",
    body: "We are currently experiencing a problem affecting {{service}}.\n\nWhat this means for you: {{impact}}\n\n{{updateMessage}}\n\nWe are sorry for the inconvenience and will post another update by {{nextUpdateAt}}.",
  },
  {
    audience: "legal",
    name: "Legal and counsel",
    subject: "[{{client}}] Incident #{{incident.number}} — legal notification",
    body: "This notice concerns incident #{{incident.number}} ({{incident.title}}) at {{client}}.\n\nStatus: {{status}}\nAssessed impact: {{impact}}\n\nFacts established so far: {{updateMessage}}\n\nEvidence is being preserved with a recorded chain of custody. Next update by {{nextUpdateAt}}.\n\n{{senderName}}",
  },
  {
    audience: "vendor",
    name: "Vendor request",
    subject: "[{{client}}] Incident #{{incident.number}} involving {{service}}",
    body: "We are working an incident at our client {{client}} that involves {{service}}.\n\nImpact: {{impact}}\n\nWhat we need from you: {{updateMessage}}\n\nOur next update: {{nextUpdateAt}}.\n\n{{senderName}}",
  },
];

const ACME_CONTACTS: { name: string; role: ContactRole; email: string | null; phone: string | null; preferredChannel: "email" | "phone" | "sms"; whenToCall: string }[] = [
  { name: "Dr. Helen Acme", role: "owner", email: "helen@acme.example", phone: "+1 212 555 0142", preferredChannel: "phone", whenToCall: "High priority any time; otherwise 8:00–18:00 ET" },
  { name: "Jane Whitfield", role: "management", email: "jane@acme.example", phone: "+1 212 555 0150", preferredChannel: "email", whenToCall: "Business hours; text first after 20:00" },
  { name: "Front desk (both practices)", role: "customer", email: "frontdesk@acme.example", phone: "+1 212 555 0100", preferredChannel: "email", whenToCall: "Opening hours only" },
  { name: "Ruth Calder, Calder & Price LLP", role: "legal", email: "rcalder@calderprice.example", phone: "+1 212 555 0199", preferredChannel: "phone", whenToCall: "Any suspected data breach, immediately" },
  { name: "Dentrix support", role: "vendor", email: "support@pms-vendor.example", phone: "+1 800 555 0123", preferredChannel: "phone", whenToCall: "PMS outages; contract #AC-2291" },
];

/**
 * Message templates for every client (one per audience) and Acme Dental's stakeholder directory.
 * Matched by name (templates) and by name within the client (contacts): a second run adds nothing,
 * and edits made since are kept.
 */
export async function seedDemoCommunications(db: Queryable, now: Date): Promise<void> {
  for (const t of TEMPLATES) {
    const [existing] = await db.select({ id: messageTemplates.id }).from(messageTemplates).where(and(isNull(messageTemplates.clientId), eq(messageTemplates.name, t.name)));
    if (!existing) await db.insert(messageTemplates).values({ ...t, clientId: null, updatedAt: now });
  }
  const [acme] = await db.select({ id: clients.id }).from(clients).where(eq(clients.name, "Acme Dental"));
  if (!acme) return;
  for (const c of ACME_CONTACTS) {
    const [existing] = await db.select({ id: clientContacts.id }).from(clientContacts).where(and(eq(clientContacts.clientId, acme.id), eq(clientContacts.name, c.name)));
    if (!existing) await db.insert(clientContacts).values({ ...c, clientId: acme.id, createdAt: now });
  }
}
