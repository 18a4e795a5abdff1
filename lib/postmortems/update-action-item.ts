import { and, eq } from "drizzle-orm";
import { postmortemActionItems } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requirePostmortemWritable } from "./access";
import { assertOwnerExists } from "./assert-owner";
import { getPostmortem } from "./get-postmortem";
import { updateActionItemInput } from "./schemas";

/** Changes an action item (its status may move on after publication: the published revision keeps its snapshot). */
export async function updateActionItem({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = parseInput(updateActionItemInput, input);
  const { title, ownerId, dueDate, status, type } = data;
  if ([title, ownerId, dueDate, status, type].every((v) => v === undefined)) throw InvalidError.field("body", "Nothing to change: send title, ownerId, dueDate, status or type");
  const { pm } = await requirePostmortemWritable(ctx, data.postmortemId);
  if (data.ownerId !== undefined) await assertOwnerExists(ctx, data.ownerId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(postmortemActionItems)
      .set({
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.ownerId !== undefined ? { ownerId: data.ownerId } : {}),
        ...(data.dueDate !== undefined ? { dueDate: data.dueDate } : {}),
        ...(data.status !== undefined ? { status: data.status } : {}),
        ...(data.type !== undefined ? { type: data.type } : {}),
      })
      .where(and(eq(postmortemActionItems.id, data.itemId), eq(postmortemActionItems.postmortemId, pm.id)))
      .returning({ id: postmortemActionItems.id });
    if (!row) throw new NotFoundError("Action item");
    await recordAudit(tx, ctx, { action: "postmortem.action_item.update", targetType: "postmortem", targetId: pm.id, details: { itemId: data.itemId } });
  });
  return getPostmortem(ctx, pm.id);
}
