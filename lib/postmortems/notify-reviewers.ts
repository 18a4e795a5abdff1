import type { Database, Queryable } from "@/db/client";
import { can, canSeeClient } from "@/lib/access/check";
import { loadViewer } from "@/lib/access/viewer";
import { publicUrl } from "@/lib/env";
import { mayReadIncident } from "@/lib/incidents/visibility";
import { emailNotices, writeNotices, type Notice } from "@/lib/swaps/notify-swap";

export const REVIEW_NOTICE_KIND = "postmortem_review";

type Incident = { id: string; clientId: string; number: number; title: string; confidential: boolean };

/**
 * The "please review" notice. It leaves Baton by email, so a confidential incident's title stays
 * out of it (as in meeting invitations): only its number.
 */
export function reviewRequestNotice(postmortemId: string, incident: Pick<Incident, "number" | "title" | "confidential">, askedBy: string): Notice {
  return {
    kind: REVIEW_NOTICE_KIND,
    title: incident.confidential ? `Review requested: post-mortem of confidential incident #${incident.number}` : `Review requested: post-mortem of #${incident.number} ${incident.title}`,
    body: `${askedBy || "Someone"} asked you to review this post-mortem before it is published: read it and approve it, or tell them what to change.`,
    link: `/postmortems/${postmortemId}`,
  };
}

/**
 * Of `userIds`, those who may open the post-mortem once it is in review (reviewers may read the
 * version in review): enabled, allowed to read incidents, in the incident's client scope, and — for
 * a confidential incident — on its need-to-know list. Nobody is sent a link that would be a 404.
 */
async function reviewersWhoMayRead(db: Queryable, incident: Incident, userIds: string[], now: Date): Promise<string[]> {
  const ok: string[] = [];
  for (const id of new Set(userIds)) {
    const viewer = await loadViewer(db, id, "session");
    if (!viewer || !can(viewer, "incidents:read") || !canSeeClient(viewer, incident.clientId)) continue;
    if (incident.confidential && !(await mayReadIncident(db, { viewer, now }, incident))) continue;
    ok.push(id);
  }
  return ok;
}

/**
 * Asks reviewers to review: an in-app notice each, written in the caller's transaction (`tx`);
 * the returned `send` emails them after commit (a mail failure never undoes the change). The person
 * asking is never notified of their own request.
 */
export async function queueReviewRequests(
  tx: Queryable,
  opts: { postmortemId: string; incident: Incident; reviewerIds: string[]; askedBy: { userId: string; name: string }; now: Date },
): Promise<{ recipients: string[]; send: (db: Database) => Promise<void> }> {
  const candidates = opts.reviewerIds.filter((id) => id !== opts.askedBy.userId);
  const recipients = candidates.length ? await reviewersWhoMayRead(tx, opts.incident, candidates, opts.now) : [];
  const notice = reviewRequestNotice(opts.postmortemId, opts.incident, opts.askedBy.name);
  await writeNotices(tx, recipients, notice, opts.now);
  return { recipients, send: (db) => emailNotices(db, recipients, notice, publicUrl()) };
}
