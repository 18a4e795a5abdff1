import { z } from "zod";
import { businessHoursSchema } from "@/lib/core/business-hours";
import { idSchema, isoDateSchema, nameSchema, timeZoneSchema } from "@/lib/http/common-schemas";

export const holidaySchema = z.object({
  date: isoDateSchema,
  name: z.string().trim().max(120, "At most 120 characters").default(""),
});

const holidaysSchema = z
  .array(holidaySchema)
  .max(400, "At most 400 holidays")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((h, i) => {
      if (seen.has(h.date)) ctx.addIssue({ code: "custom", message: `${h.date} is listed twice`, path: [i, "date"] });
      seen.add(h.date);
    });
  });

export const createClientInput = z.object({
  name: nameSchema,
  timeZone: timeZoneSchema,
  businessHours: businessHoursSchema,
  holidays: holidaysSchema.default([]),
  notes: z.string().trim().max(5000, "At most 5000 characters").default(""),
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
  teamIds: z.array(idSchema).max(100).optional(),
  stakeholderIds: z.array(idSchema).max(500).optional(),
});
export const deleteClientInput = z.object({ clientId: idSchema, confirmName: z.string().optional() });

export const clientOutput = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  businessHours: businessHoursSchema,
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  notes: z.string(),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  stakeholders: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  createdAt: z.iso.datetime(),
});
export type ClientOutput = z.infer<typeof clientOutput>;
