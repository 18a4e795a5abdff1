import type { SwapRequestOutput } from "@/lib/swaps/schemas";
import { stepAllowed } from "@/lib/swaps/steps";

export type RequestViewer = { userId: string; teamIds: readonly string[]; canApprove: boolean };
export type RequestButton = "accept" | "decline" | "cancel" | "approve" | "reject" | "revert";

/** Pending and accepted requests are still open; the rest are history. */
export const isOpen = (r: Pick<SwapRequestOutput, "status">) => r.status === "pending" || r.status === "accepted";

/**
 * Whether the viewer should see a request at all: their own, addressed to them, open offers to a
 * team they belong to; managers see everything.
 */
export function isVisibleTo(r: SwapRequestOutput, viewer: RequestViewer, scheduleTeamId: string | null): boolean {
  if (viewer.canApprove) return true;
  if (r.requesterId === viewer.userId || r.counterpartId === viewer.userId || r.acceptedBy === viewer.userId) return true;
  return r.counterpartId === null && scheduleTeamId !== null && viewer.teamIds.includes(scheduleTeamId);
}

/**
 * The buttons the viewer may press on a request, in the order they are shown: only steps the
 * request's life allows (lib/swaps/steps.ts) and the server would take. A flagged request (the
 * rotation moved its shift) is neither accepted nor approved (409): a manager rejects it, the
 * requester cancels it — also once accepted, while it waits for approval.
 */
export function buttonsFor(r: SwapRequestOutput, viewer: RequestViewer, scheduleTeamId: string | null): RequestButton[] {
  const out: RequestButton[] = [];
  const mine = r.requesterId === viewer.userId;
  if (r.status === "pending") {
    const addressedToMe = r.counterpartId === viewer.userId;
    const openToMe = r.counterpartId === null && !mine && scheduleTeamId !== null && viewer.teamIds.includes(scheduleTeamId);
    if ((addressedToMe || openToMe) && !r.flagged) out.push("accept");
    if (addressedToMe) out.push("decline");
  }
  if (r.status === "accepted" && r.needsApproval && viewer.canApprove) {
    if (!r.flagged) out.push("approve");
    out.push("reject");
  }
  // The requester may withdraw it until it changes the schedule; a manager, while nobody has taken it (then they reject).
  if (stepAllowed("cancel", r.status) && (mine || (viewer.canApprove && r.status === "pending"))) out.push("cancel");
  if (r.status === "approved" && viewer.canApprove) out.push("revert");
  return out;
}

/** Whether the request waits for this viewer (shown first, counted on the schedules page): an answer, or a manager's decision. */
export function waitsFor(r: SwapRequestOutput, viewer: RequestViewer, scheduleTeamId: string | null): boolean {
  const buttons = buttonsFor(r, viewer, scheduleTeamId);
  return buttons.includes("accept") || buttons.includes("approve") || buttons.includes("reject");
}

/**
 * What the viewer can do about a flagged open request (the rotation moved its shift since it was
 * asked), for the card's warning; null when it is not flagged or no longer open.
 */
export function flaggedAdvice(r: SwapRequestOutput, viewer: RequestViewer): string | null {
  if (!r.flagged || !isOpen(r)) return null;
  const mine = r.requesterId === viewer.userId;
  const what = r.status === "accepted" ? "approved" : "accepted";
  const askAgain = "ask again for the shift as it is now";
  if (mine) return `It can no longer be ${what} as it is: cancel it and ${askAgain}.`;
  if (viewer.canApprove && r.status === "accepted") return `It can no longer be approved as it is: reject it, and ${r.requesterName} can ${askAgain}.`;
  if (viewer.canApprove) return `It can no longer be accepted as it is: cancel it, and ${r.requesterName} can ${askAgain}.`;
  if (r.status === "accepted") return `It can no longer be approved as it is: a manager will reject it, or ${r.requesterName} can cancel it and ${askAgain}.`;
  return `It can no longer be accepted as it is: ${r.requesterName} can cancel it and ${askAgain}.`;
}
