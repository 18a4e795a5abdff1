/** The after-action meeting is held within this many days of resolution. */
export const MEETING_WITHIN_DAYS = 14;
const DAY_MS = 86_400_000;

export function meetingDeadline(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + MEETING_WITHIN_DAYS * DAY_MS);
}

/** Null when `at` is acceptable, else why not (in the past, or later than 14 days after resolution). */
export function meetingDateProblem(resolvedAt: Date, at: Date, now: Date): string | null {
  if (at.getTime() < now.getTime()) return "The meeting must be in the future.";
  const deadline = meetingDeadline(resolvedAt);
  if (at.getTime() > deadline.getTime()) return `The after-action meeting must be within ${MEETING_WITHIN_DAYS} days of resolution (by ${deadline.toISOString().slice(0, 16).replace("T", " ")} UTC).`;
  return null;
}

/**
 * Overdue: not scheduled and more than 14 days since resolution, or its date has passed and the
 * post-mortem is still unpublished (publishing is what marks the meeting as held).
 */
export function meetingOverdue(p: { resolvedAt: Date; meetingAt: Date | null; status: string }, now: Date): "unscheduled" | "not_held" | null {
  if (p.status === "published") return null;
  if (!p.meetingAt) return now.getTime() > meetingDeadline(p.resolvedAt).getTime() ? "unscheduled" : null;
  return p.meetingAt.getTime() < now.getTime() ? "not_held" : null;
}

/** An action item is overdue when it is not done and its due date (YYYY-MM-DD) is before `today` (YYYY-MM-DD). */
export function actionItemOverdue(item: { status: string; dueDate: string | null }, today: string): boolean {
  return item.status !== "done" && item.dueDate !== null && item.dueDate < today;
}
