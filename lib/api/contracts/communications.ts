import { z } from "zod";
import { contactFields, contactOutput, stakeholderUpdateInput, stakeholderUpdateOutput, audienceMessageOutput, templateFields, templateOutput } from "@/lib/communications/schemas";
import { evidenceOutput, recordHandoverInput } from "@/lib/evidence/schemas";
import { idSchema } from "@/lib/http/common-schemas";
import type { ApiContract } from "@/lib/http/api-route";
import { list, one } from "./shapes";

const incidentParams = z.object({ incidentId: idSchema });
const evidenceParams = z.object({ incidentId: idSchema, evidenceId: idSchema });
const clientParams = z.object({ clientId: idSchema });
const contactParams = z.object({ clientId: idSchema, contactId: idSchema });
const templateParams = z.object({ templateId: idSchema });

/** Evidence register, stakeholder directory, message templates and stakeholder updates. */
export const communicationsContracts = {
  listEvidence: { method: "GET", path: "/api/v1/incidents/{incidentId}/evidence", tag: "Evidence", summary: "The incident's evidence with each chain of custody (staff only)", permission: "incidents:read-internal", params: incidentParams, response: list(evidenceOutput) },
  createEvidence: {
    method: "POST",
    path: "/api/v1/incidents/{incidentId}/evidence",
    tag: "Evidence",
    summary:
      "Register evidence. multipart/form-data with name, description, location, method, collectedAt, heldBy and a `file` (SHA-256 computed here; at most EVIDENCE_MAX_BYTES, else 413), or JSON with the same fields and either contentBase64 or sha256 (64 hex) for evidence kept elsewhere (location required)",
    permission: "incidents:respond",
    params: incidentParams,
    response: one(evidenceOutput),
    status: 201,
  },
  recordEvidenceHandover: { method: "POST", path: "/api/v1/incidents/{incidentId}/evidence/{evidenceId}/custody", tag: "Evidence", summary: "Append a handover to the chain of custody (rows are never edited)", permission: "incidents:respond", params: evidenceParams, body: recordHandoverInput.omit({ incidentId: true, evidenceId: true }), response: one(evidenceOutput), status: 201 },
  downloadEvidence: { method: "GET", path: "/api/v1/incidents/{incidentId}/evidence/{evidenceId}/content", tag: "Evidence", summary: "The stored file, re-hashed first: a SHA-256 mismatch is a 409 integrity error (and a timeline and audit row), never the bytes", permission: "incidents:read-internal", params: evidenceParams },
  listClientContacts: { method: "GET", path: "/api/v1/clients/{clientId}/contacts", tag: "Stakeholders", summary: "A client's stakeholder directory (staff only)", permission: "incidents:read-internal", params: clientParams, response: list(contactOutput) },
  createClientContact: { method: "POST", path: "/api/v1/clients/{clientId}/contacts", tag: "Stakeholders", summary: "Add a stakeholder contact", permission: "clients:manage", params: clientParams, body: contactFields, response: one(contactOutput), status: 201 },
  updateClientContact: { method: "PATCH", path: "/api/v1/clients/{clientId}/contacts/{contactId}", tag: "Stakeholders", summary: "Replace a stakeholder contact's fields", permission: "clients:manage", params: contactParams, body: contactFields, response: one(contactOutput) },
  deleteClientContact: { method: "DELETE", path: "/api/v1/clients/{clientId}/contacts/{contactId}", tag: "Stakeholders", summary: "Remove a stakeholder contact", permission: "clients:manage", params: contactParams, status: 204 },
  listMessageTemplates: { method: "GET", path: "/api/v1/message-templates", tag: "Stakeholders", summary: "Templates for every client, plus with clientId that client's own", permission: "incidents:read-internal", query: z.object({ clientId: idSchema.optional() }), response: list(templateOutput) },
  createMessageTemplate: { method: "POST", path: "/api/v1/message-templates", tag: "Stakeholders", summary: "Create a template for an audience (clientId null: every client); Handlebars {{variables}}", permission: "clients:manage", body: templateFields.extend({ clientId: idSchema.nullable().optional() }), response: one(templateOutput), status: 201 },
  updateMessageTemplate: { method: "PATCH", path: "/api/v1/message-templates/{templateId}", tag: "Stakeholders", summary: "Replace a template's audience, name, subject and body", permission: "clients:manage", params: templateParams, body: templateFields, response: one(templateOutput) },
  deleteMessageTemplate: { method: "DELETE", path: "/api/v1/message-templates/{templateId}", tag: "Stakeholders", summary: "Delete a template", permission: "clients:manage", params: templateParams, status: 204 },
  previewStakeholderUpdate: { method: "POST", path: "/api/v1/incidents/{incidentId}/stakeholder-updates/preview", tag: "Stakeholders", summary: "Render the update per audience with its recipients; nothing is sent (400 naming a missing variable, template or recipient)", permission: "incidents:respond", params: incidentParams, body: stakeholderUpdateInput.omit({ incidentId: true }), response: one(z.object({ messages: z.array(audienceMessageOutput) })) },
  sendStakeholderUpdate: { method: "POST", path: "/api/v1/incidents/{incidentId}/stakeholder-updates", tag: "Stakeholders", summary: "Send the update by email to each audience's contacts and write the timeline; any rendering error sends and stores nothing", permission: "incidents:respond", params: incidentParams, body: stakeholderUpdateInput.omit({ incidentId: true }), response: one(stakeholderUpdateOutput.extend({ failed: z.array(z.string()) })), status: 201 },
  listStakeholderUpdates: { method: "GET", path: "/api/v1/incidents/{incidentId}/stakeholder-updates", tag: "Stakeholders", summary: "Updates sent about the incident; stakeholders get the messages meant for them, without recipients", permission: "incidents:read", params: incidentParams, response: list(stakeholderUpdateOutput) },
} as const satisfies Record<string, ApiContract>;
