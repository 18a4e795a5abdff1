import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { emailNotices, swapNoticeBody, swapSchedule, writeNotices, type Notice } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { swapRequestIdInput } from "./schemas";
import { lockSwapRequest, stepSwapRequest } from "./transition";

/** The named colleague says no. (An open offer is not declined: it stays open for others.) */
export async function declineSwapRequest({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "swaps:request", { type: "swap_request" });
  const data = parseInput(swapRequestIdInput, input);
  const { requesterId, notice } = await ctx.db.transaction(async (tx) => {
    const request = await lockSwapRequest(tx, data.requestId);
    if (!request.counterpartId) throw new ConflictError("Open offers are not declined; they stay open for the rest of the team.");
    if (request.counterpartId !== ctx.viewer.userId) throw new NotFoundError("Swap request");
    const row = await stepSwapRequest(tx, request.id, "decline", { decidedBy: ctx.viewer.userId, decidedAt: ctx.now }, ctx.now);
    const notice: Notice = { kind: "swap.declined", title: `${ctx.viewer.name} declined your request`, body: swapNoticeBody(await swapSchedule(tx, row.scheduleId), row, { note: data.note }), link: "/schedules/requests" };
    await writeNotices(tx, [row.requesterId], notice, ctx.now);
    await recordAudit(tx, ctx, { action: "swap.decline", targetType: "swap_request", targetId: row.id });
    return { requesterId: row.requesterId, notice };
  });
  await emailNotices(ctx.db, [requesterId], notice, origin);
  return getSwapRequest(ctx.db, data.requestId);
}
