import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { InvalidError } from "@/lib/errors";

/** An action item's owner is one of the organisation's people (not a stakeholder). */
export async function assertOwnerExists(ctx: Ctx, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [u] = await ctx.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, ownerId));
  if (!u || u.role === "stakeholder") throw InvalidError.field("ownerId", "Not a person of the organisation");
}
