import { z } from "zod";
import { RESPONSE_ROLES, STATUS_PHASES } from "@/db/schema";
import { idSchema } from "@/lib/http/common-schemas";
import type { ApiContract } from "@/lib/http/api-route";
import { breakGlassOutput, checklistItemOutput, checklistOutput, confidentialityOutput, incidentTypeOutput, participantOutput, statusUpdateOutput } from "@/lib/workspace/schemas";
import { list, one } from "./shapes";

const incidentParams = z.object({ incidentId: idSchema });
const participantParams = incidentParams.extend({ participantId: idSchema });
const itemParams = incidentParams.extend({ itemId: idSchema });
const TAG = "Incident workspace";

/** The incident workspace: response roles, the type and its checklist, status updates, need-to-know. */
export const workspaceContracts = {
  listIncidentTypes: { method: "GET", path: "/api/v1/incident-types", tag: TAG, summary: "Incident types with their checklist templates", permission: "incidents:read-internal", response: list(incidentTypeOutput) },
  listIncidentParticipants: { method: "GET", path: "/api/v1/incidents/{incidentId}/participants", tag: TAG, summary: "Who works the incident in which role, present and past", permission: "incidents:read-internal", params: incidentParams, response: list(participantOutput) },
  addIncidentParticipant: {
    method: "POST",
    path: "/api/v1/incidents/{incidentId}/participants",
    tag: TAG,
    summary: "Assign a response role (the incident manager or a manager); anyone who responds may add themselves as responder",
    permission: "incidents:respond",
    params: incidentParams,
    body: z.object({ userId: idSchema, role: z.enum(RESPONSE_ROLES) }),
    response: one(participantOutput),
    status: 201,
  },
  removeIncidentParticipant: {
    method: "DELETE",
    path: "/api/v1/incidents/{incidentId}/participants/{participantId}",
    tag: TAG,
    summary: "End a participation: one's own, or anyone's for the incident manager or a manager",
    permission: "incidents:respond",
    params: participantParams,
    status: 204,
  },
  setIncidentType: {
    method: "PUT",
    path: "/api/v1/incidents/{incidentId}/type",
    tag: TAG,
    summary: "Set (or clear with null) the incident type; its template's steps are copied into the checklist, ticked steps kept",
    permission: "incidents:respond",
    params: incidentParams,
    body: z.object({ typeId: idSchema.nullable() }),
    response: one(checklistOutput),
  },
  getIncidentChecklist: { method: "GET", path: "/api/v1/incidents/{incidentId}/checklist", tag: TAG, summary: "The incident's checklist with who ticked each step and when", permission: "incidents:read-internal", params: incidentParams, response: one(checklistOutput) },
  tickIncidentChecklistItem: {
    method: "POST",
    path: "/api/v1/incidents/{incidentId}/checklist/{itemId}/tick",
    tag: TAG,
    summary: "Tick (done: true) or untick a step; a timeline row says who and when (409 when already so)",
    permission: "incidents:respond",
    params: itemParams,
    body: z.object({ done: z.boolean() }),
    response: one(checklistItemOutput),
  },
  listIncidentStatusUpdates: { method: "GET", path: "/api/v1/incidents/{incidentId}/status-updates", tag: TAG, summary: "Status updates, newest first (public: stakeholders read them)", permission: "incidents:read", params: incidentParams, response: list(statusUpdateOutput) },
  postIncidentStatusUpdate: {
    method: "POST",
    path: "/api/v1/incidents/{incidentId}/status-updates",
    tag: TAG,
    summary: "Post a status update (investigating, identified, monitoring, resolved) with a message",
    permission: "incidents:respond",
    params: incidentParams,
    body: z.object({ phase: z.enum(STATUS_PHASES), message: z.string() }),
    response: one(statusUpdateOutput),
    status: 201,
  },
  setIncidentConfidential: {
    method: "PUT",
    path: "/api/v1/incidents/{incidentId}/confidential",
    tag: TAG,
    summary: "Mark the incident confidential (need-to-know) or not; the incident manager or a manager; audited",
    permission: "incidents:respond",
    params: incidentParams,
    body: z.object({ confidential: z.boolean() }),
    response: one(confidentialityOutput),
  },
  breakGlassIncident: {
    method: "POST",
    path: "/api/v1/incidents/{incidentId}/break-glass",
    tag: TAG,
    summary: "Admins: read a confidential incident for an hour, with a reason (audited, shown on its timeline)",
    permission: "incidents:break-glass",
    params: incidentParams,
    body: z.object({ reason: z.string() }),
    response: one(breakGlassOutput),
    status: 201,
  },
} as const satisfies Record<string, ApiContract>;
