import { z } from "zod";
import { PRIORITIES } from "@/lib/core/alerts/priority-rules";
import { businessHoursSchema } from "@/lib/core/business-hours";
import type { SlaTargets } from "@/lib/core/reports/types";
import { holidayOutput, holidaysSchema, idSchema, nameSchema, timeZoneSchema } from "@/lib/http/common-schemas";

const slaMinutes = z
  .number({ error: "Enter minutes as a whole number" })
  .int("Enter minutes as a whole number")
  .positive("Must be at least 1 minute")
  .max(100_000, "At most 100000 minutes")
  .nullable()
  .default(null);
export const slaTargetSchema = z.object({ acknowledgeMinutes: slaMinutes, resolveMinutes: slaMinutes });
/** SLA targets per priority, in minutes (null or absent: no target). For the client form and the API. */
export const slaTargetsSchema = z
  .object(Object.fromEntries(PRIORITIES.map((p) => [p, slaTargetSchema.optional()])) as Record<(typeof PRIORITIES)[number], z.ZodOptional<typeof slaTargetSchema>>)
  .strict()
  .transform((t): SlaTargets => Object.fromEntries(Object.entries(t).filter(([, v]) => v && (v.acknowledgeMinutes !== null || v.resolveMinutes !== null))));

export const createClientInput = z.object({
  name: nameSchema,
  timeZone: timeZoneSchema,
  businessHours: businessHoursSchema,
  holidays: holidaysSchema.default([]),
  notes: z.string().trim().max(5000, "At most 5000 characters").default(""),
  slaTargets: slaTargetsSchema.default({}),
  teamIds: z.array(idSchema).max(100).default([]),
  stakeholderIds: z.array(idSchema).max(500).default([]),
});
export const updateClientInput = z.object({
  clientId: idSchema,
  name: nameSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  businessHours: businessHoursSchema.optional(),
  holidays: holidaysSchema.optional(),
  notes: z.string().trim().max(5000, "At most 5000 characters").optional(),
  slaTargets: slaTargetsSchema.optional(),
  teamIds: z.array(idSchema).max(100).optional(),
  stakeholderIds: z.array(idSchema).max(500).optional(),
});
export const deleteClientInput = z.object({ clientId: idSchema, confirmName: z.string().optional() });

export const clientOutput = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  businessHours: businessHoursSchema,
  holidays: z.array(holidayOutput),
  notes: z.string(),
  slaTargets: z.partialRecord(z.enum(PRIORITIES), z.object({ acknowledgeMinutes: z.number().int().nullable(), resolveMinutes: z.number().int().nullable() })),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  stakeholders: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  createdAt: z.iso.datetime(),
});
export type ClientOutput = z.infer<typeof clientOutput>;
