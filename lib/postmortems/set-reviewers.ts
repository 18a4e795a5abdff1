import { and, eq, notInArray } from "drizzle-orm";
import { postmortemReviewers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requirePostmortemWritable, reviewerCandidateIds } from "./access";
import { getPostmortem } from "./get-postmortem";
import { reviewersInput } from "./schemas";

/** Replaces the reviewers (participants, responders, the team, the client's stakeholders); those kept keep their approval. */
export async function setReviewers({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = parseInput(reviewersInput, input);
  const v = await requirePostmortemWritable(ctx, data.postmortemId);
  if (v.pm.status === "published") throw new ConflictError("This post-mortem is published. Start a new revision to change its reviewers.");
  const candidates = await reviewerCandidateIds(ctx, v);
  const ids = [...new Set(data.userIds)];
  const bad = data.userIds.findIndex((id) => !candidates.has(id));
  if (bad >= 0) throw InvalidError.field(`userIds.${bad}`, "Not a participant of this incident or a stakeholder of its client");
  await ctx.db.transaction(async (tx) => {
    await tx.delete(postmortemReviewers).where(and(eq(postmortemReviewers.postmortemId, v.pm.id), ids.length ? notInArray(postmortemReviewers.userId, ids) : undefined));
    if (ids.length) await tx.insert(postmortemReviewers).values(ids.map((userId) => ({ postmortemId: v.pm.id, userId }))).onConflictDoNothing();
    await recordAudit(tx, ctx, { action: "postmortem.reviewers", targetType: "postmortem", targetId: v.pm.id, details: { userIds: ids } });
  });
  return getPostmortem(ctx, v.pm.id);
}
