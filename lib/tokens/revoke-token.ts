import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toTokenOutput } from "./issue-token";
import { revokeTokenInput } from "./schemas";

export async function revokeToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "tokens:own", { type: "api_token" });
  const data = parseInput(revokeTokenInput, input);
  return ctx.db.transaction(async (tx) => {
    const ownerScope = can(ctx.viewer, "tokens:manage-any") ? undefined : eq(apiTokens.userId, ctx.viewer.userId);
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now })
      .where(and(eq(apiTokens.id, data.tokenId), isNull(apiTokens.revokedAt), ownerScope))
      .returning();
    if (!row) throw new NotFoundError("Active token");
    await recordAudit(tx, ctx, { action: "token.revoke", targetType: "api_token", targetId: row.id, details: { userId: row.userId, prefix: row.prefix } });
    return toTokenOutput(row);
  });
}
