import { postmortemComments } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requirePostmortemVisible } from "./access";
import { getPostmortem } from "./get-postmortem";
import { addCommentInput } from "./schemas";

/** A review comment on one section, by a responder or a reviewer, while the post-mortem is not published. */
export async function addComment({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = parseInput(addCommentInput, input);
  const v = await requirePostmortemVisible(ctx, data.postmortemId);
  if (!v.isReviewer) await requirePermission(ctx, "incidents:respond", { type: "postmortem", id: v.pm.id });
  if (v.pm.status === "published") throw new ConflictError("This post-mortem is published. Start a new revision to comment on it.");
  await ctx.db.transaction(async (tx) => {
    await tx.insert(postmortemComments).values({ postmortemId: v.pm.id, section: data.section, authorId: ctx.viewer.userId, body: data.body, at: ctx.now });
    await recordAudit(tx, ctx, { action: "postmortem.comment", targetType: "postmortem", targetId: v.pm.id, details: { section: data.section } });
  });
  return getPostmortem(ctx, v.pm.id);
}
