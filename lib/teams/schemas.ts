import { z } from "zod";
import { boolish, holidayOutput, holidaysSchema, idSchema, nameSchema } from "@/lib/http/common-schemas";

export const createTeamInput = z.object({
  name: nameSchema,
  description: z.string().trim().max(500, "At most 500 characters").default(""),
  memberIds: z.array(idSchema).max(200).default([]),
  leadIds: z.array(idSchema).max(200).default([]),
  holidays: holidaysSchema.default([]),
});
export const updateTeamInput = z.object({
  teamId: idSchema,
  name: nameSchema.optional(),
  description: z.string().trim().max(500, "At most 500 characters").optional(),
  /** Replaces the team's whole holiday calendar when given. */
  holidays: holidaysSchema.optional(),
});
export const deleteTeamInput = z.object({ teamId: idSchema, confirmName: z.string().optional() });
export const addTeamMemberInput = z.object({ teamId: idSchema, userId: idSchema, isLead: boolish.default(false) });
export const setTeamLeadInput = z.object({ teamId: idSchema, userId: idSchema, isLead: boolish });
export const removeTeamMemberInput = z.object({ teamId: idSchema, userId: idSchema });

export const teamMemberOutput = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  isLead: z.boolean(),
});
export const teamOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
  leads: z.array(z.object({ userId: z.string(), name: z.string() })),
  createdAt: z.iso.datetime(),
});
export const teamDetailOutput = teamOutput.extend({ members: z.array(teamMemberOutput), holidays: z.array(holidayOutput) });
export type TeamOutput = z.infer<typeof teamOutput>;
export type TeamDetail = z.infer<typeof teamDetailOutput>;
