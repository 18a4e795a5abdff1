import { asc, eq, inArray } from "drizzle-orm";
import { postmortemActionItems, postmortemComments, postmortemReviewers, users } from "@/db/schema";
import { actionItemOverdue, allowedTransitions, findBlame, forStakeholders, meetingOverdue } from "@/lib/core/postmortems";
import type { Ctx } from "@/lib/context";
import { requirePostmortemVisible } from "./access";
import { latestRevisionContent, workingContent } from "./content";
import { blamelessNames } from "./blameless-names";
import type { PostmortemOutput } from "./schemas";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * One post-mortem. The MSP's people get the working copy with reviewers, comments, action items and
 * the blameless hints; stakeholders the latest published revision without internal rows or paging details.
 */
export async function getPostmortem(ctx: Ctx, postmortemId: string): Promise<PostmortemOutput> {
  const v = await requirePostmortemVisible(ctx, postmortemId);
  const { pm, incident, internal } = v;
  const today = ctx.now.toISOString().slice(0, 10);
  const stakeholderView = !internal;
  const published = await latestRevisionContent(ctx.db, pm.id, pm.revision);
  const content = stakeholderView ? forStakeholders(published && !(v.isReviewer && pm.status === "in_review") ? published : await workingContent(ctx.db, pm)) : await workingContent(ctx.db, pm);
  const items = await ctx.db
    .select({ i: postmortemActionItems, owner: { id: users.id, name: users.name, email: users.email } })
    .from(postmortemActionItems)
    .leftJoin(users, eq(users.id, postmortemActionItems.ownerId))
    .where(eq(postmortemActionItems.postmortemId, pm.id))
    .orderBy(asc(postmortemActionItems.createdAt), asc(postmortemActionItems.id));
  const reviewers = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, approvedAt: postmortemReviewers.approvedAt })
    .from(postmortemReviewers)
    .innerJoin(users, eq(users.id, postmortemReviewers.userId))
    .where(eq(postmortemReviewers.postmortemId, pm.id))
    .orderBy(asc(users.name));
  const comments = internal || (v.isReviewer && pm.status === "in_review")
    ? await ctx.db
        .select({ c: postmortemComments, author: { id: users.id, name: users.name, email: users.email } })
        .from(postmortemComments)
        .leftJoin(users, eq(users.id, postmortemComments.authorId))
        .where(eq(postmortemComments.postmortemId, pm.id))
        .orderBy(asc(postmortemComments.at), asc(postmortemComments.id))
    : [];
  const attendees = pm.meetingAttendees.length ? await ctx.db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, pm.meetingAttendees)) : [];
  const attendeeSet = new Set(pm.meetingAttendees);
  const overdueItems = items.filter(({ i }) => actionItemOverdue(i, today)).length;
  const factors = content.sections.contributing_factors ?? "";
  // Approve is offered only to a reviewer who has not approved yet (anyone else would be refused).
  const awaitingMyApproval = reviewers.some((r) => r.id === ctx.viewer.userId && !r.approvedAt);
  return {
    id: pm.id,
    incident: { id: incident.id, number: incident.number, title: incident.title, resolvedAt: iso(incident.resolvedAt) },
    client: content.facts.client,
    status: pm.status,
    revision: pm.revision,
    meetingAt: iso(pm.meetingAt),
    meetingOverdue: internal && incident.resolvedAt ? meetingOverdue({ resolvedAt: incident.resolvedAt, meetingAt: pm.meetingAt, status: pm.status }, ctx.now) : null,
    overdueActionItems: overdueItems,
    updatedAt: pm.updatedAt.toISOString(),
    awaitingMyReview: pm.status === "in_review" && awaitingMyApproval,
    content: content as unknown as Record<string, unknown>,
    actionItems: (stakeholderView ? [] : items).map(({ i, owner }) => ({ id: i.id, title: i.title, owner: owner?.id ? { id: owner.id, name: owner.name || owner.email } : null, dueDate: i.dueDate, status: i.status, type: i.type, overdue: actionItemOverdue(i, today) })),
    reviewers: reviewers.map((r) => ({ id: r.id, name: r.name || r.email, approvedAt: iso(r.approvedAt) })),
    comments: comments.map(({ c, author }) => ({ id: c.id, section: c.section, author: author?.id ? { id: author.id, name: author.name || author.email } : null, body: c.body, at: c.at.toISOString() })),
    blameHints: internal ? findBlame(factors, await blamelessNames(ctx.db, content.facts)) : [],
    allowedTransitions: (internal ? allowedTransitions(pm.status) : v.isReviewer && pm.status === "in_review" ? (["approve"] as const) : []).filter((t) => t !== "approve" || awaitingMyApproval),
    meetingAttendees: attendees.filter((a) => attendeeSet.has(a.id)).map((a) => ({ id: a.id, name: a.name || a.email })),
    publishedAt: iso(pm.publishedAt),
  };
}
