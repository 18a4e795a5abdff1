import { z } from "zod";
import { idSchema, nameSchema } from "@/lib/http/common-schemas";

export const createTokenInput = z.object({ name: nameSchema, userId: idSchema.optional() });
export const revokeTokenInput = z.object({ tokenId: idSchema });
export const tokenOutput = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TokenOutput = z.infer<typeof tokenOutput>;
