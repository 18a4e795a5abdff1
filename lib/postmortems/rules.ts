import { MEETING_WITHIN_DAYS, meetingDeadline, type PostmortemStatus } from "@/lib/core/postmortems";

/**
 * Whether someone outside the MSP (a client's stakeholder) may read a post-mortem: once it has
 * been published (they read its latest published revision), or while it is in review when they are
 * among its reviewers. `requirePostmortemVisible`, the list and the incident page's link share it.
 */
export function stakeholderMayRead(pm: { status: PostmortemStatus; revision: number }, isReviewer: boolean): boolean {
  return pm.revision > 0 || (isReviewer && pm.status === "in_review");
}

/** The version a stakeholder reads: the one in review when they review it, else the latest published revision. */
export function stakeholderSees(pm: { status: PostmortemStatus; revision: number }, isReviewer: boolean): { status: "in_review" | "published"; revision: number } {
  return isReviewer && pm.status === "in_review" ? { status: "in_review", revision: pm.revision + 1 } : { status: "published", revision: pm.revision };
}

/**
 * What the after-action meeting card says and offers. The meeting may be scheduled (or moved) in
 * any status, published included (the meeting is often held after the write-up), as long as it is
 * in the future and within 14 days of resolution (`scheduleMeeting` refuses anything else): once
 * that deadline has passed the form is not offered, since every date would be refused. A published
 * post-mortem without a meeting is never flagged (nor on the dashboard: `meetingOverdue`).
 */
export function meetingCard(p: { resolvedAt: string | null; status: PostmortemStatus }, now: Date, format: (iso: string) => string): { description: string; unscheduled: string; canSchedule: boolean } {
  if (!p.resolvedAt) return { description: `Within ${MEETING_WITHIN_DAYS} days of resolution.`, unscheduled: "Not scheduled.", canSchedule: true };
  const deadline = meetingDeadline(new Date(p.resolvedAt));
  const by = format(deadline.toISOString());
  if (now.getTime() <= deadline.getTime()) return { description: `Within ${MEETING_WITHIN_DAYS} days of resolution: by ${by}.`, unscheduled: "Not scheduled.", canSchedule: true };
  return {
    description: `Within ${MEETING_WITHIN_DAYS} days of resolution: by ${by}. That date has passed, so it can no longer be scheduled.`,
    unscheduled: p.status === "published" ? "None was scheduled." : "Not scheduled in time.",
    canSchedule: false,
  };
}
