import type { SwapRequestOutput } from "@/lib/swaps/schemas";

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

/** The buttons the viewer may press on a request, in the order they are shown. */
export function buttonsFor(r: SwapRequestOutput, viewer: RequestViewer, scheduleTeamId: string | null): RequestButton[] {
  const out: RequestButton[] = [];
  const mine = r.requesterId === viewer.userId;
  if (r.status === "pending") {
    const addressedToMe = r.counterpartId === viewer.userId;
    const openToMe = r.counterpartId === null && !mine && scheduleTeamId !== null && viewer.teamIds.includes(scheduleTeamId);
    if (addressedToMe || openToMe) out.push("accept");
    if (addressedToMe) out.push("decline");
    if (mine || viewer.canApprove) out.push("cancel");
  }
  if (r.status === "accepted" && r.needsApproval && viewer.canApprove) out.push("approve", "reject");
  if (r.status === "approved" && viewer.canApprove) out.push("revert");
  return out;
}

/** Whether the request waits for this viewer (shown first, counted on the schedules page). */
export function waitsFor(r: SwapRequestOutput, viewer: RequestViewer, scheduleTeamId: string | null): boolean {
  const buttons = buttonsFor(r, viewer, scheduleTeamId);
  return buttons.includes("accept") || buttons.includes("approve");
}
