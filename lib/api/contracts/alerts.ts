import { z } from "zod";
import { idSchema } from "@/lib/http/common-schemas";
import type { ApiContract } from "@/lib/http/api-route";
import { alertEventOutput, declaredIncidentOutput, declareIncidentInput, incidentDetailOutput, incidentListQuery, incidentOutput, timelineEntryOutput } from "@/lib/incidents/schemas";
import {
  clientAlertPolicyOutput,
  createHeartbeatInput,
  createIntegrationKeyInput,
  maintenanceWindowBody,
  createServiceInput,
  heartbeatOutput,
  integrationKeyOutput,
  maintenanceWindowOutput,
  priorityRuleOutput,
  serviceDetailOutput,
  serviceOutput,
  setClientAlertPolicyInput,
  setServicePriorityRulesInput,
  updateServiceInput,
} from "@/lib/services/schemas";
import { priorityRulesSchema } from "@/lib/core/alerts";
import { pageQuerySchema } from "../pagination";
import { list, one } from "./shapes";

const serviceParams = z.object({ serviceId: idSchema });
const keyParams = z.object({ serviceId: idSchema, keyId: idSchema });
const windowParams = z.object({ serviceId: idSchema, windowId: idSchema });
const heartbeatParams = z.object({ serviceId: idSchema, heartbeatId: idSchema });
const incidentParams = z.object({ incidentId: idSchema });
const clientParams = z.object({ clientId: idSchema });

/** Services, their integration keys, priority rules, maintenance windows and heartbeats; incidents. */
export const alertContracts = {
  listServices: { method: "GET", path: "/api/v1/services", tag: "Services", summary: "List services", permission: "services:read", query: pageQuerySchema.extend({ clientId: idSchema.optional(), teamId: idSchema.optional() }), response: list(serviceOutput) },
  createService: { method: "POST", path: "/api/v1/services", tag: "Services", summary: "Create a service for a client and team", permission: "services:manage", body: createServiceInput, response: one(serviceDetailOutput), status: 201 },
  getService: { method: "GET", path: "/api/v1/services/{serviceId}", tag: "Services", summary: "Get a service with its keys, rules, maintenance windows and heartbeats", permission: "services:read", params: serviceParams, response: one(serviceDetailOutput) },
  updateService: { method: "PATCH", path: "/api/v1/services/{serviceId}", tag: "Services", summary: "Rename, describe, change team, escalation policy (null for none) or email rules", permission: "services:manage", params: serviceParams, body: updateServiceInput.omit({ serviceId: true }), response: one(serviceDetailOutput) },
  deleteService: { method: "DELETE", path: "/api/v1/services/{serviceId}", tag: "Services", summary: "Delete a service that has no incidents", permission: "services:manage", params: serviceParams, status: 204 },
  listIntegrationKeys: { method: "GET", path: "/api/v1/services/{serviceId}/integration-keys", tag: "Services", summary: "List a service's integration keys (prefixes only)", permission: "services:read", params: serviceParams, response: list(integrationKeyOutput) },
  createIntegrationKey: {
    method: "POST",
    path: "/api/v1/services/{serviceId}/integration-keys",
    tag: "Services",
    summary: "Create a routing key (returned once, in `key`)",
    permission: "services:manage",
    params: serviceParams,
    body: createIntegrationKeyInput.omit({ serviceId: true }),
    response: one(integrationKeyOutput.extend({ key: z.string() })),
    status: 201,
  },
  revokeIntegrationKey: { method: "DELETE", path: "/api/v1/services/{serviceId}/integration-keys/{keyId}", tag: "Services", summary: "Revoke an integration key", permission: "services:manage", params: keyParams, status: 204 },
  getServicePriorityRules: { method: "GET", path: "/api/v1/services/{serviceId}/priority-rules", tag: "Services", summary: "A service's ordered priority rules", permission: "services:read", params: serviceParams, response: list(priorityRuleOutput) },
  setServicePriorityRules: {
    method: "PATCH",
    path: "/api/v1/services/{serviceId}/priority-rules",
    tag: "Services",
    summary: "Replace a service's ordered priority rules (the first match wins)",
    permission: "services:manage",
    params: serviceParams,
    body: setServicePriorityRulesInput.omit({ serviceId: true }),
    response: list(priorityRuleOutput),
  },
  listMaintenanceWindows: { method: "GET", path: "/api/v1/services/{serviceId}/maintenance-windows", tag: "Services", summary: "Open and upcoming maintenance windows", permission: "services:read", params: serviceParams, response: list(maintenanceWindowOutput) },
  createMaintenanceWindow: {
    method: "POST",
    path: "/api/v1/services/{serviceId}/maintenance-windows",
    tag: "Services",
    summary: "Schedule maintenance: alerts are recorded, nobody is paged",
    permission: "maintenance:manage",
    params: serviceParams,
    body: maintenanceWindowBody,
    response: one(maintenanceWindowOutput),
    status: 201,
  },
  endMaintenanceWindow: { method: "DELETE", path: "/api/v1/services/{serviceId}/maintenance-windows/{windowId}", tag: "Services", summary: "End a maintenance window now (or cancel an upcoming one)", permission: "maintenance:manage", params: windowParams, status: 204 },
  listHeartbeats: { method: "GET", path: "/api/v1/services/{serviceId}/heartbeats", tag: "Services", summary: "A service's heartbeat monitors", permission: "services:read", params: serviceParams, response: list(heartbeatOutput) },
  createHeartbeat: {
    method: "POST",
    path: "/api/v1/services/{serviceId}/heartbeats",
    tag: "Services",
    summary: "Create a heartbeat monitor (the ping URL is returned once, in `pingUrl`)",
    permission: "services:manage",
    params: serviceParams,
    body: createHeartbeatInput.omit({ serviceId: true }),
    response: one(heartbeatOutput.extend({ pingUrl: z.string() })),
    status: 201,
  },
  deleteHeartbeat: { method: "DELETE", path: "/api/v1/services/{serviceId}/heartbeats/{heartbeatId}", tag: "Services", summary: "Delete a heartbeat monitor", permission: "services:manage", params: heartbeatParams, status: 204 },
  getClientAlertPolicy: { method: "GET", path: "/api/v1/clients/{clientId}/alert-policy", tag: "Clients", summary: "A client's own priority rules and low-priority mode", permission: "services:read", params: clientParams, response: one(clientAlertPolicyOutput) },
  setClientAlertPolicy: {
    method: "PATCH",
    path: "/api/v1/clients/{clientId}/alert-policy",
    tag: "Clients",
    summary: "Replace a client's priority rules and/or set low priority to page or record only",
    permission: "services:manage",
    params: clientParams,
    body: setClientAlertPolicyInput.omit({ clientId: true }).extend({ rules: priorityRulesSchema.optional() }),
    response: one(clientAlertPolicyOutput),
  },

  listIncidents: { method: "GET", path: "/api/v1/incidents", tag: "Incidents", summary: "List incidents, newest first (filters: status, priority, client, team, service, time; q searches)", permission: "incidents:read", query: incidentListQuery, response: list(incidentOutput) },
  declareIncident: {
    method: "POST",
    path: "/api/v1/incidents",
    tag: "Incidents",
    summary: "Declare an incident by hand on a service (a new one each time; priority rules, business hours and the escalation policy apply: `paging` says whether it pages now or waits)",
    permission: "incidents:respond",
    body: declareIncidentInput,
    response: one(declaredIncidentOutput),
    status: 201,
  },
  getIncident: { method: "GET", path: "/api/v1/incidents/{incidentId}", tag: "Incidents", summary: "Get an incident with its alert", permission: "incidents:read", params: incidentParams, response: one(incidentDetailOutput) },
  acknowledgeIncident: { method: "POST", path: "/api/v1/incidents/{incidentId}/acknowledge", tag: "Incidents", summary: "Acknowledge (409 when already acknowledged or resolved)", permission: "incidents:respond", params: incidentParams, response: one(incidentDetailOutput) },
  resolveIncident: { method: "POST", path: "/api/v1/incidents/{incidentId}/resolve", tag: "Incidents", summary: "Resolve (409 when already resolved)", permission: "incidents:respond", params: incidentParams, response: one(incidentDetailOutput) },
  addIncidentNote: { method: "POST", path: "/api/v1/incidents/{incidentId}/notes", tag: "Incidents", summary: "Add an internal note to the timeline", permission: "incidents:respond", params: incidentParams, body: z.object({ body: z.string() }), response: one(timelineEntryOutput), status: 201 },
  getIncidentTimeline: { method: "GET", path: "/api/v1/incidents/{incidentId}/timeline", tag: "Incidents", summary: "The incident's timeline, oldest first (stakeholders see status changes only)", permission: "incidents:read", params: incidentParams, response: list(timelineEntryOutput) },
  listIncidentEvents: { method: "GET", path: "/api/v1/incidents/{incidentId}/events", tag: "Incidents", summary: "The raw events behind the incident, newest first", permission: "incidents:read-internal", params: incidentParams, response: list(alertEventOutput) },
} as const satisfies Record<string, ApiContract>;
