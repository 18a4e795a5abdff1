"use server";

import { revalidatePath } from "next/cache";
import { plainAction } from "@/lib/actions/plain-action";
import { requestOrigin } from "@/lib/auth/session-viewer";
import type { Ctx } from "@/lib/context";
import { acceptSwapRequest } from "@/lib/swaps/accept-swap-request";
import { approveSwapRequest } from "@/lib/swaps/approve-swap-request";
import { cancelSwapRequest } from "@/lib/swaps/cancel-swap-request";
import { declineSwapRequest } from "@/lib/swaps/decline-swap-request";
import { rejectSwapRequest } from "@/lib/swaps/reject-swap-request";
import { revertSwapRequest } from "@/lib/swaps/revert-swap-request";

const INBOX = "/schedules/requests";

type Transition = (args: { ctx: Ctx; input: unknown; origin?: string }) => Promise<{ scheduleId: string }>;

/** One button on the inbox: runs the transition, then reloads the inbox and the schedule's pages. */
function transition(run: Transition) {
  return plainAction(INBOX, async (ctx, form) => {
    const note = String(form.get("note") ?? "").trim();
    const request = await run({ ctx, input: { requestId: form.get("requestId"), ...(note ? { note } : {}) }, origin: await requestOrigin() });
    revalidatePath(`/schedules/${request.scheduleId}`);
    revalidatePath("/schedules");
    revalidatePath("/schedules/mine");
  });
}

export const acceptSwapRequestAction = transition(acceptSwapRequest);
export const declineSwapRequestAction = transition(declineSwapRequest);
export const cancelSwapRequestAction = transition(cancelSwapRequest);
export const approveSwapRequestAction = transition(approveSwapRequest);
export const rejectSwapRequestAction = transition(rejectSwapRequest);
export const revertSwapRequestAction = transition(revertSwapRequest);
