import { and, eq, isNull } from "drizzle-orm";
import { postmortemReviewers, postmortemRevisions, postmortems, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { nextStatus } from "@/lib/core/postmortems";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requirePostmortemVisible } from "./access";
import { workingContent } from "./content";
import { getPostmortem } from "./get-postmortem";
import { queueReviewRequests } from "./notify-reviewers";
import { transitionInput } from "./schemas";

/**
 * submit (draft → in review), approve (a reviewer's approval), withdraw (back to draft), publish
 * (in review → published: freezes revision n+1, needs every reviewer's approval), revise
 * (published → a new draft; the published revision stays readable). Each a conditional UPDATE.
 * Submitting asks each reviewer (not the submitter) to review: an in-app notice and an email.
 */
export async function transitionPostmortem({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const { postmortemId, transition } = parseInput(transitionInput, input);
  const v = await requirePostmortemVisible(ctx, postmortemId);
  // Reviewers (stakeholders too) may approve; every other transition is a responder's.
  if (!(transition === "approve" && v.isReviewer)) await requirePermission(ctx, "incidents:respond", { type: "postmortem", id: postmortemId });
  const { pm } = v;
  const step = nextStatus(pm.status, transition);
  if (!step.ok) throw new ConflictError(step.reason);
  // The reviewers' emails go after commit (a mail failure never undoes the transition).
  const emailReviewers = await ctx.db.transaction(async (tx) => {
    let send: ((db: typeof ctx.db) => Promise<void>) | undefined;
    if (transition === "approve") {
      if (!v.isReviewer) throw new ForbiddenError("Only this post-mortem's reviewers approve it.");
      const [r] = await tx
        .update(postmortemReviewers)
        .set({ approvedAt: ctx.now })
        .where(and(eq(postmortemReviewers.postmortemId, pm.id), eq(postmortemReviewers.userId, ctx.viewer.userId), isNull(postmortemReviewers.approvedAt)))
        .returning({ userId: postmortemReviewers.userId });
      if (!r) throw new ConflictError("You have already approved this post-mortem.");
    } else if (transition === "publish") {
      const pending = await tx
        .select({ name: users.name, email: users.email })
        .from(postmortemReviewers)
        .innerJoin(users, eq(users.id, postmortemReviewers.userId))
        .where(and(eq(postmortemReviewers.postmortemId, pm.id), isNull(postmortemReviewers.approvedAt)));
      if (pending.length) throw new ConflictError(`Waiting for approval from ${pending.map((p) => p.name || p.email).join(", ")}.`);
      const revision = pm.revision + 1;
      const [row] = await tx
        .update(postmortems)
        .set({ status: "published", revision, publishedAt: ctx.now, updatedAt: ctx.now })
        .where(and(eq(postmortems.id, pm.id), eq(postmortems.status, "in_review"), eq(postmortems.revision, pm.revision)))
        .returning();
      if (!row) throw new ConflictError("This post-mortem changed meanwhile; reload and try again.");
      const content = await workingContent(tx, row, ctx.now);
      await tx.insert(postmortemRevisions).values({ postmortemId: pm.id, revision, content: content as unknown as Record<string, unknown>, publishedBy: ctx.viewer.userId, publishedAt: ctx.now });
    } else {
      const [row] = await tx
        .update(postmortems)
        .set({ status: step.to, updatedAt: ctx.now })
        .where(and(eq(postmortems.id, pm.id), eq(postmortems.status, pm.status)))
        .returning({ id: postmortems.id });
      if (!row) throw new ConflictError("This post-mortem changed meanwhile; reload and try again.");
      // A new revision (or a withdrawn review) is reviewed afresh.
      if (transition === "revise" || transition === "withdraw") await tx.update(postmortemReviewers).set({ approvedAt: null }).where(eq(postmortemReviewers.postmortemId, pm.id));
      if (transition === "submit") {
        const reviewers = await tx.select({ userId: postmortemReviewers.userId }).from(postmortemReviewers).where(eq(postmortemReviewers.postmortemId, pm.id));
        const queued = await queueReviewRequests(tx, { postmortemId: pm.id, incident: v.incident, reviewerIds: reviewers.map((r) => r.userId), askedBy: { userId: ctx.viewer.userId, name: ctx.viewer.name || ctx.viewer.email }, now: ctx.now });
        send = queued.send;
      }
    }
    await recordAudit(tx, ctx, { action: `postmortem.${transition}`, targetType: "postmortem", targetId: pm.id, clientId: v.incident.clientId, details: { from: pm.status, to: step.to } });
    return send;
  });
  await emailReviewers?.(ctx.db);
  return getPostmortem(ctx, pm.id);
}
