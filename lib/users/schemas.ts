import { z } from "zod";
import { ROLES } from "@/db/schema";
import { boolish, emailSchema, idSchema, nameSchema, timeZoneSchema } from "@/lib/http/common-schemas";

const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9 ()\-.]{5,32}$/, "Use digits, spaces and an optional leading +")
  .or(z.literal(""))
  .transform((v) => (v === "" ? null : v));

export const inviteUserInput = z.object({
  email: emailSchema,
  name: nameSchema,
  role: z.enum(ROLES, "Choose a role"),
  timeZone: timeZoneSchema.default("UTC"),
  clientIds: z.array(idSchema).max(100).default([]),
  sendInvite: boolish.default(true),
});
export const updateUserInput = z.object({
  userId: idSchema,
  name: nameSchema.optional(),
  role: z.enum(ROLES, "Choose a role").optional(),
  timeZone: timeZoneSchema.optional(),
  phone: phoneSchema.optional(),
});
export const setUserDisabledInput = z.object({ userId: idSchema, disabled: boolish });
export const deleteUserInput = z.object({ userId: idSchema });
export const updateProfileInput = z.object({ name: nameSchema, timeZone: timeZoneSchema, phone: phoneSchema.default("") });

export const userOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  timeZone: z.string(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type UserOutput = z.infer<typeof userOutput>;
