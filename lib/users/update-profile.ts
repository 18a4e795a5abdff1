import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { toUserOutput } from "./read-users";
import { updateProfileInput } from "./schemas";

/** A person's own name, time zone and phone. */
export async function updateProfile({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "profile:edit");
  const data = parseInput(updateProfileInput, input);
  return ctx.db.transaction(async (tx) => {
    const [after] = await tx.update(users).set({ ...data, updatedAt: ctx.now }).where(eq(users.id, ctx.viewer.userId)).returning();
    await recordAudit(tx, ctx, { action: "user.profile.update", targetType: "user", targetId: ctx.viewer.userId, details: { changed: Object.keys(data) } });
    return toUserOutput(after!);
  });
}
