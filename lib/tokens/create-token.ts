import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { InvalidError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { issueToken } from "./issue-token";
import { createTokenInput } from "./schemas";

/** A token acts as the person it belongs to, with their role. Admins may issue them for others. */
export async function createToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "tokens:own", { type: "api_token" });
  const data = parseInput(createTokenInput, input);
  const userId = data.userId ?? ctx.viewer.userId;
  if (userId !== ctx.viewer.userId) await requirePermission(ctx, "tokens:manage-any", { type: "api_token" });
  return ctx.db.transaction(async (tx) => {
    const [owner] = await tx.select({ id: users.id, disabled: users.disabled }).from(users).where(eq(users.id, userId));
    if (!owner || owner.disabled) throw InvalidError.field("userId", "Unknown or disabled user");
    return issueToken(tx, ctx, userId, data.name, ctx.now);
  });
}
