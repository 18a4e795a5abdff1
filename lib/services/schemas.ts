import { z } from "zod";
import { emailRulesSchema, LOW_PRIORITY_MODES, PRIORITIES, priorityRulesSchema, RULE_FIELDS, RULE_OPS } from "@/lib/core/alerts";
import { bothDates, idSchema, instantSchema, nameSchema, numberInput } from "@/lib/http/common-schemas";

const description = z.string().trim().max(500, "At most 500 characters");

export const createServiceInput = z.object({
  name: nameSchema,
  description: description.default(""),
  clientId: idSchema,
  teamId: idSchema,
  /** Who is paged and how: null (or left out) means none, and the failover contacts are told at once. */
  escalationPolicyId: idSchema.nullable().default(null),
  emailRules: emailRulesSchema.default([]),
});
export const updateServiceInput = z.object({
  serviceId: idSchema,
  name: nameSchema.optional(),
  description: description.optional(),
  teamId: idSchema.optional(),
  /** null removes the policy. */
  escalationPolicyId: idSchema.nullable().optional(),
  emailRules: emailRulesSchema.optional(),
});
export const deleteServiceInput = z.object({ serviceId: idSchema, confirmName: z.string().optional() });

export const createIntegrationKeyInput = z.object({ serviceId: idSchema, name: nameSchema });
export const revokeIntegrationKeyInput = z.object({ serviceId: idSchema, keyId: idSchema });

export const setServicePriorityRulesInput = z.object({ serviceId: idSchema, rules: priorityRulesSchema });
export const setClientAlertPolicyInput = z.object({ clientId: idSchema, rules: priorityRulesSchema.optional(), lowPriority: z.enum(LOW_PRIORITY_MODES).optional() });

export const maintenanceWindowBody = z.object({ startsAt: instantSchema, endsAt: instantSchema, reason: z.string().trim().max(500, "At most 500 characters").default("") });
export const createMaintenanceWindowInput = maintenanceWindowBody
  .extend({ serviceId: idSchema })
  .refine((w) => !bothDates(w.startsAt, w.endsAt) || w.endsAt.getTime() > w.startsAt.getTime(), { message: "Must end after it starts", path: ["endsAt"] })
  .refine((w) => !bothDates(w.startsAt, w.endsAt) || w.endsAt.getTime() - w.startsAt.getTime() <= 31 * 86_400_000, { message: "At most 31 days", path: ["endsAt"] });
export const endMaintenanceWindowInput = z.object({ serviceId: idSchema, windowId: idSchema });

export const createHeartbeatInput = z.object({
  serviceId: idSchema,
  name: nameSchema,
  intervalMinutes: numberInput(z.number({ message: "A number of minutes" }).int("Whole minutes").min(1, "At least 1 minute").max(10_080, "At most a week (10080)")),
  graceMinutes: numberInput(z.number({ message: "A number of minutes" }).int("Whole minutes").min(0, "0 or more").max(1_440, "At most a day (1440)")).default(5),
});
export const deleteHeartbeatInput = z.object({ serviceId: idSchema, heartbeatId: idSchema });

const ref = z.object({ id: z.string(), name: z.string() });
const conditionOutput = z.object({ field: z.enum(RULE_FIELDS), op: z.enum(RULE_OPS), value: z.string(), path: z.string() });
export const priorityRuleOutput = z.object({ id: z.string(), name: z.string(), position: z.number().int(), conditions: z.array(conditionOutput), priority: z.enum(PRIORITIES) });
export type PriorityRuleOutput = z.infer<typeof priorityRuleOutput>;

export const integrationKeyOutput = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type IntegrationKeyOutput = z.infer<typeof integrationKeyOutput>;

export const maintenanceWindowOutput = z.object({ id: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), reason: z.string(), createdAt: z.iso.datetime() });
export type MaintenanceWindowOutput = z.infer<typeof maintenanceWindowOutput>;

export const heartbeatOutput = z.object({
  id: z.string(),
  name: z.string(),
  intervalMinutes: z.number().int(),
  graceMinutes: z.number().int(),
  state: z.enum(["waiting", "up", "down"]),
  lastPingAt: z.iso.datetime().nullable(),
  dueAt: z.iso.datetime(),
  prefix: z.string(),
});
export type HeartbeatOutput = z.infer<typeof heartbeatOutput>;

export const serviceOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  client: ref,
  team: ref,
  escalationPolicyId: z.string().nullable(),
  escalationPolicy: ref.nullable(),
  emailRules: emailRulesSchema,
  activeKeys: z.number().int(),
  openIncidents: z.number().int(),
  inMaintenance: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type ServiceOutput = z.infer<typeof serviceOutput>;

export const serviceDetailOutput = serviceOutput.extend({
  integrationKeys: z.array(integrationKeyOutput),
  priorityRules: z.array(priorityRuleOutput),
  maintenanceWindows: z.array(maintenanceWindowOutput),
  heartbeats: z.array(heartbeatOutput),
});
export type ServiceDetailOutput = z.infer<typeof serviceDetailOutput>;

export const clientAlertPolicyOutput = z.object({ clientId: z.string(), lowPriority: z.enum(LOW_PRIORITY_MODES), rules: z.array(priorityRuleOutput) });
export type ClientAlertPolicyOutput = z.infer<typeof clientAlertPolicyOutput>;
