import { can, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { swapNoticeBody, swapSchedule, writeNotices } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { swapRequestIdInput } from "./schemas";
import { lockSwapRequest, transitionSwapRequest } from "./transition";

/** The requester (or a manager) withdraws a request nobody has accepted yet. */
export async function cancelSwapRequest({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "swaps:request", { type: "swap_request" });
  const data = parseInput(swapRequestIdInput, input);
  await ctx.db.transaction(async (tx) => {
    const request = await lockSwapRequest(tx, data.requestId);
    if (request.requesterId !== ctx.viewer.userId && !can(ctx.viewer, "swaps:approve")) throw new NotFoundError("Swap request");
    const row = await transitionSwapRequest(tx, request.id, ["pending"], "cancelled", { decidedBy: ctx.viewer.userId, decidedAt: ctx.now }, ctx.now);
    if (row.counterpartId) {
      const body = swapNoticeBody(await swapSchedule(tx, row.scheduleId), row);
      await writeNotices(tx, [row.counterpartId], { kind: "swap.cancelled", title: "A shift request to you was withdrawn", body, link: "/schedules/requests" }, ctx.now);
    }
    await recordAudit(tx, ctx, { action: "swap.cancel", targetType: "swap_request", targetId: row.id });
  });
  return getSwapRequest(ctx.db, data.requestId);
}
