import { postmortemActionItems } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { requirePostmortemWritable } from "./access";
import { assertOwnerExists } from "./assert-owner";
import { getPostmortem } from "./get-postmortem";
import { addActionItemInput } from "./schemas";

/** An action item: owner, due date, status, type (fix, prevent, detect, mitigate, training, update the plan). */
export async function addActionItem({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = parseInput(addActionItemInput, input);
  const { pm } = await requirePostmortemWritable(ctx, data.postmortemId);
  await assertOwnerExists(ctx, data.ownerId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(postmortemActionItems)
      .values({ postmortemId: pm.id, title: data.title, ownerId: data.ownerId ?? null, dueDate: data.dueDate ?? null, status: data.status ?? "open", type: data.type, createdAt: ctx.now })
      .returning({ id: postmortemActionItems.id });
    await recordAudit(tx, ctx, { action: "postmortem.action_item.add", targetType: "postmortem", targetId: pm.id, details: { itemId: row!.id } });
  });
  return getPostmortem(ctx, pm.id);
}
