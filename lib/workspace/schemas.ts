import { z } from "zod";
import { RESPONSE_ROLES, STATUS_PHASES } from "@/db/schema";
import { boolish, idSchema } from "@/lib/http/common-schemas";

export const RESPONSE_ROLE_LABELS: Record<(typeof RESPONSE_ROLES)[number], string> = {
  incident_manager: "Incident manager",
  triage_analyst: "Triage analyst",
  forensic_analyst: "Forensic analyst",
  threat_researcher: "Threat researcher",
  communications_lead: "Communications lead",
  responder: "Responder",
};
export const STATUS_PHASE_LABELS: Record<(typeof STATUS_PHASES)[number], string> = { investigating: "Investigating", identified: "Identified", monitoring: "Monitoring", resolved: "Resolved" };

export const assignRoleInput = z.object({ incidentId: idSchema, userId: idSchema, role: z.enum(RESPONSE_ROLES, "Choose a response role") });
export const participantRefInput = z.object({ incidentId: idSchema, participantId: idSchema });
export const incidentRefInput = z.object({ incidentId: idSchema });
export const setIncidentTypeInput = z.object({ incidentId: idSchema, typeId: idSchema.nullable() });
export const tickChecklistInput = z.object({ incidentId: idSchema, itemId: idSchema, done: boolish });
export const postStatusUpdateInput = z.object({
  incidentId: idSchema,
  phase: z.enum(STATUS_PHASES, "Choose investigating, identified, monitoring or resolved"),
  message: z.string().trim().min(1, "Write what changed").max(5000, "At most 5000 characters"),
});
export const setConfidentialInput = z.object({ incidentId: idSchema, confidential: boolish });
export const breakGlassInput = z.object({ incidentId: idSchema, reason: z.string().trim().min(10, "Say why, in at least 10 characters").max(1000, "At most 1000 characters") });

const checklistStep = z.object({
  title: z.string().trim().min(1, "Required").max(300, "At most 300 characters"),
  detail: z.string().trim().max(2000, "At most 2000 characters").optional(),
  section: z.string().trim().max(80, "At most 80 characters").optional(),
});
export const updateIncidentTypeInput = z.object({
  typeId: idSchema,
  description: z.string().trim().max(1000, "At most 1000 characters").optional(),
  steps: z.array(checklistStep).min(1, "A checklist needs at least one step").max(100, "At most 100 steps"),
});

const person = z.object({ id: z.string(), name: z.string() });
export const participantOutput = z.object({
  id: z.string(),
  role: z.enum(RESPONSE_ROLES),
  person,
  joinedAt: z.iso.datetime(),
  leftAt: z.iso.datetime().nullable(),
});
export type ParticipantOutput = z.infer<typeof participantOutput>;

export const checklistItemOutput = z.object({
  id: z.string(),
  position: z.number().int(),
  section: z.string(),
  title: z.string(),
  detail: z.string(),
  doneAt: z.iso.datetime().nullable(),
  doneBy: person.nullable(),
});
export type ChecklistItemOutput = z.infer<typeof checklistItemOutput>;
export const checklistOutput = z.object({ type: z.object({ id: z.string(), key: z.string(), name: z.string() }).nullable(), items: z.array(checklistItemOutput) });
export type ChecklistOutput = z.infer<typeof checklistOutput>;

export const statusUpdateOutput = z.object({ id: z.string(), phase: z.enum(STATUS_PHASES), message: z.string(), author: person.nullable(), at: z.iso.datetime() });
export type StatusUpdateOutput = z.infer<typeof statusUpdateOutput>;

export const incidentTypeOutput = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  security: z.boolean(),
  steps: z.array(z.object({ title: z.string(), detail: z.string().optional(), section: z.string().optional() })),
  updatedAt: z.iso.datetime(),
});
export type IncidentTypeOutput = z.infer<typeof incidentTypeOutput>;

export const confidentialityOutput = z.object({ incidentId: z.string(), confidential: z.boolean() });
export const breakGlassOutput = z.object({ id: z.string(), incidentId: z.string(), reason: z.string(), at: z.iso.datetime(), expiresAt: z.iso.datetime() });
export type BreakGlassOutput = z.infer<typeof breakGlassOutput>;
