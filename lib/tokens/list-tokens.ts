import { and, desc, eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { toTokenOutput } from "./issue-token";

/** The viewer's own tokens; admins see everyone's (with the owner's email). */
export async function listTokens(ctx: Ctx) {
  await requirePermission(ctx, "tokens:own");
  const all = can(ctx.viewer, "tokens:manage-any");
  const rows = await ctx.db
    .select({ token: apiTokens, ownerEmail: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(all ? undefined : eq(apiTokens.userId, ctx.viewer.userId)))
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...toTokenOutput(r.token), ownerEmail: r.ownerEmail }));
}
