import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { applySwap } from "./apply-swap";
import { emailNotices, swapNoticeBody, swapSchedule, writeNotices, type Notice } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { swapRequestIdInput } from "./schemas";
import { lockSwapRequest, transitionSwapRequest } from "./transition";

/** A manager approves an accepted request: the overrides and ledger rows are written at once. */
export async function approveSwapRequest({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "swaps:approve", { type: "swap_request" });
  const data = parseInput(swapRequestIdInput, input);
  const { notify, notice } = await ctx.db.transaction(async (tx) => {
    await lockSwapRequest(tx, data.requestId);
    const row = await transitionSwapRequest(tx, data.requestId, ["accepted"], "approved", { decidedBy: ctx.viewer.userId, decidedAt: ctx.now }, ctx.now);
    await applySwap(tx, row, row.acceptedBy ?? row.counterpartId!, ctx.now);
    const people = [row.requesterId, row.acceptedBy ?? row.counterpartId!];
    const body = swapNoticeBody(await swapSchedule(tx, row.scheduleId), row, { otherwise: "The schedule now shows the new holder." });
    const notice: Notice = { kind: "swap.approved", title: `${ctx.viewer.name} approved the shift change`, body, link: "/schedules/requests" };
    await writeNotices(tx, people, notice, ctx.now);
    await recordAudit(tx, ctx, { action: "swap.approve", targetType: "swap_request", targetId: row.id });
    return { notify: people, notice };
  });
  await emailNotices(ctx.db, notify, notice, origin);
  return getSwapRequest(ctx.db, data.requestId);
}
