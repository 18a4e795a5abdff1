import { and, eq, notInArray } from "drizzle-orm";
import { postmortemReviewers, postmortems } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requirePostmortemWritable, reviewerCandidateIds } from "./access";
import { getPostmortem } from "./get-postmortem";
import { queueReviewRequests } from "./notify-reviewers";
import { reviewersInput } from "./schemas";

/**
 * Replaces the reviewers (participants, responders, the team, the client's stakeholders); those kept
 * keep their approval. While it is in review, each reviewer added (not the person adding) is asked
 * to review at once: an in-app notice and an email (a draft's reviewers are asked when it is submitted).
 */
export async function setReviewers({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = parseInput(reviewersInput, input);
  const v = await requirePostmortemWritable(ctx, data.postmortemId);
  if (v.pm.status === "published") throw new ConflictError("This post-mortem is published. Start a new revision to change its reviewers.");
  const candidates = await reviewerCandidateIds(ctx, v);
  const ids = [...new Set(data.userIds)];
  const bad = data.userIds.findIndex((id) => !candidates.has(id));
  if (bad >= 0) throw InvalidError.field(`userIds.${bad}`, "Not a participant of this incident or a stakeholder of its client");
  const emailAdded = await ctx.db.transaction(async (tx) => {
    await tx.delete(postmortemReviewers).where(and(eq(postmortemReviewers.postmortemId, v.pm.id), ids.length ? notInArray(postmortemReviewers.userId, ids) : undefined));
    // Only the rows actually inserted come back: the reviewers this request adds.
    const added = ids.length ? (await tx.insert(postmortemReviewers).values(ids.map((userId) => ({ postmortemId: v.pm.id, userId }))).onConflictDoNothing().returning({ userId: postmortemReviewers.userId })).map((r) => r.userId) : [];
    await recordAudit(tx, ctx, { action: "postmortem.reviewers", targetType: "postmortem", targetId: v.pm.id, details: { userIds: ids } });
    if (!added.length) return undefined;
    const [current] = await tx.select({ status: postmortems.status }).from(postmortems).where(eq(postmortems.id, v.pm.id));
    if (current?.status !== "in_review") return undefined;
    const queued = await queueReviewRequests(tx, { postmortemId: v.pm.id, incident: v.incident, reviewerIds: added, askedBy: { userId: ctx.viewer.userId, name: ctx.viewer.name || ctx.viewer.email }, now: ctx.now });
    return queued.send;
  });
  // After commit: a mail failure never undoes the change.
  await emailAdded?.(ctx.db);
  return getPostmortem(ctx, v.pm.id);
}
