import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { applySwap, flagIfHandedOver } from "./apply-swap";
import { emailNotices, swapNoticeBody, swapSchedule, writeNotices, type Notice } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { swapRequestIdInput } from "./schemas";
import { lockSwapRequest, stepAllowed, stepSwapRequest } from "./transition";

/**
 * A manager approves an accepted request: the overrides and ledger rows are written at once, from
 * now on (what is already past stays as it was worked; a request with nothing left is a 409).
 */
export async function approveSwapRequest({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "swaps:approve", { type: "swap_request" });
  const data = parseInput(swapRequestIdInput, input);
  const { notify, notice } = await ctx.db.transaction(async (tx) => {
    const request = await lockSwapRequest(tx, data.requestId);
    if (request.flaggedAt && stepAllowed("approve", request.status)) {
      throw new ConflictError("The rotation changed since this request was made: it cannot be approved. Reject it; the requester can ask again for the shift as it is now.");
    }
    const accepted = await stepSwapRequest(tx, data.requestId, "approve", { decidedBy: ctx.viewer.userId, decidedAt: ctx.now }, ctx.now);
    // From now on only: the notices name the part actually handed over.
    const row = await applySwap(tx, accepted, accepted.acceptedBy ?? accepted.counterpartId!, ctx.now);
    const people = [row.requesterId, row.acceptedBy ?? row.counterpartId!];
    const body = swapNoticeBody(await swapSchedule(tx, row.scheduleId), row, { otherwise: "The schedule now shows the new holder." });
    const notice: Notice = { kind: "swap.approved", title: `${ctx.viewer.name} approved the shift change`, body, link: "/schedules/requests" };
    await writeNotices(tx, people, notice, ctx.now);
    await recordAudit(tx, ctx, { action: "swap.approve", targetType: "swap_request", targetId: row.id });
    return { notify: people, notice };
  }).catch(flagIfHandedOver(ctx.db, ctx.now));
  await emailNotices(ctx.db, notify, notice, origin);
  return getSwapRequest(ctx.db, data.requestId);
}
