import type { PostmortemStatus } from "@/lib/core/postmortems";

/**
 * What a reviewer is asked to do, by what they can do: the MSP's people comment on a section (they
 * have the comment box); a client's stakeholder, who has none, reads and approves, or contacts the
 * MSP's team that wrote it. Ends with "approve it" so the page can point at the button.
 */
export function reviewAskWording(canComment: boolean, count: "one" | "many"): string {
  const it = count === "one" ? "it" : "them";
  return canComment
    ? `read ${it}, comment on a section if something is missing or wrong, and approve ${it}`
    : `read ${it}, contact your MSP's team if something is missing or wrong, and otherwise approve ${it}`;
}

/**
 * The confirmation after a reviewer approves: which revision they approved (the version in review
 * becomes revision n + 1 when published) and what happens next.
 */
export function approvedWording(pm: { status: PostmortemStatus; revision: number; reviewers: { approvedAt: string | null }[] }, canPublish: boolean): string {
  const revision = pm.status === "published" ? pm.revision : pm.revision + 1;
  if (pm.status === "published") return `You approved revision ${revision}. It is published.`;
  const waiting = pm.reviewers.filter((r) => !r.approvedAt).length;
  const next = waiting
    ? `It is published once the other ${waiting === 1 ? "reviewer approves" : `${waiting} reviewers approve`}.`
    : canPublish
      ? "Every reviewer has approved: it can be published."
      : "Every reviewer has approved: your MSP's team can publish it.";
  return `You approved revision ${revision}. ${next}`;
}

/**
 * The per-section "Review comments (n)" expanders: shown where there are comments, and on every
 * section while the post-mortem is in review for whoever can comment (a draft's 17 empty ones only
 * lengthened the page, on a phone most of all).
 */
export function showCommentThread(p: { status: PostmortemStatus; comments: number; canComment: boolean }): boolean {
  return p.comments > 0 || (p.canComment && p.status === "in_review");
}
