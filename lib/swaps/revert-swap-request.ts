import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { unapplySwap } from "./apply-swap";
import { emailNotices, swapNoticeBody, swapSchedule, writeNotices, type Notice } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { swapRequestIdInput } from "./schemas";
import { stepSwapRequest } from "./transition";

/**
 * A manager undoes an approved swap from now on: the rotation's holders return for what is still
 * to come; what was already held stays on the schedule and in the ledger (the rest is reversed).
 */
export async function revertSwapRequest({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "swaps:approve", { type: "swap_request" });
  const data = parseInput(swapRequestIdInput, input);
  const { notify, notice } = await ctx.db.transaction(async (tx) => {
    const row = await stepSwapRequest(tx, data.requestId, "revert", { decidedBy: ctx.viewer.userId, decidedAt: ctx.now }, ctx.now);
    const back = await unapplySwap(tx, row, ctx.now);
    const people = [row.requesterId, row.acceptedBy ?? row.counterpartId].filter((x): x is string => !!x);
    // The notices name what is handed back (from now on), not the part already held.
    const handedBack = {
      partStart: back.part?.start ?? row.partStart,
      partEnd: back.part?.end ?? row.partEnd,
      counterpartStart: back.counterpart?.start ?? null,
      counterpartEnd: back.counterpart?.end ?? null,
    };
    const body = swapNoticeBody(await swapSchedule(tx, row.scheduleId), handedBack, { note: data.note, otherwise: "The original holders are back on the schedule." });
    const notice: Notice = { kind: "swap.reverted", title: `${ctx.viewer.name} reverted a shift change`, body, link: "/schedules/requests" };
    await writeNotices(tx, people, notice, ctx.now);
    await recordAudit(tx, ctx, { action: "swap.revert", targetType: "swap_request", targetId: row.id });
    return { notify: people, notice };
  });
  await emailNotices(ctx.db, notify, notice, origin);
  return getSwapRequest(ctx.db, data.requestId);
}
