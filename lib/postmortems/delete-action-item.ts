import { and, eq } from "drizzle-orm";
import { postmortemActionItems } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requirePostmortemWritable } from "./access";
import { getPostmortem } from "./get-postmortem";
import { deleteActionItemInput } from "./schemas";

export async function deleteActionItem({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = parseInput(deleteActionItemInput, input);
  const { pm } = await requirePostmortemWritable(ctx, data.postmortemId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(postmortemActionItems).where(and(eq(postmortemActionItems.id, data.itemId), eq(postmortemActionItems.postmortemId, pm.id))).returning({ id: postmortemActionItems.id });
    if (!row) throw new NotFoundError("Action item");
    await recordAudit(tx, ctx, { action: "postmortem.action_item.delete", targetType: "postmortem", targetId: pm.id, details: { itemId: data.itemId } });
  });
  return getPostmortem(ctx, pm.id);
}
