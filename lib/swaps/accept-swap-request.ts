import { eq } from "drizzle-orm";
import { schedules, teamMembers, teams, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { applySwap, flagIfHandedOver } from "./apply-swap";
import { emailNotices, swapApprovers, swapNoticeBody, swapSchedule, writeNotices, type Notice } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { swapRequestIdInput } from "./schemas";
import { lockSwapRequest, ROTATION_CHANGED, stepAllowed, stepSwapRequest } from "./transition";

/**
 * The named colleague (or, for an open offer, the first team member) accepts. Whether a manager
 * must approve is the team's rule at this moment (stored on the request as it is accepted).
 * Without approval the swap takes effect at once (from now: the past is not rewritten);
 * otherwise it waits for a manager, and those who can approve are told (not the one who
 * accepted, nor the requester, who hears it already). A flagged request is refused (409).
 */
export async function acceptSwapRequest({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "swaps:request", { type: "swap_request" });
  const data = parseInput(swapRequestIdInput, input);
  const { notify, notice, approval } = await ctx.db.transaction(async (tx) => {
    const request = await lockSwapRequest(tx, data.requestId);
    if (request.requesterId === ctx.viewer.userId) throw new ForbiddenError("You cannot accept your own request.");
    if (request.counterpartId && request.counterpartId !== ctx.viewer.userId) throw new NotFoundError("Swap request");
    const [schedule] = await tx.select({ teamId: schedules.teamId }).from(schedules).where(eq(schedules.id, request.scheduleId));
    if (!request.counterpartId) {
      const members = schedule?.teamId ? (await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, schedule.teamId))).map((m) => m.userId) : [];
      if (!members.includes(ctx.viewer.userId)) throw new ForbiddenError("Only the schedule's team can take this offer.");
    }
    // A request the rotation moved can be neither applied nor approved: accepting it would only park it.
    if (request.flaggedAt && stepAllowed("accept", request.status)) throw new ConflictError(ROTATION_CHANGED);
    // Whether a manager must approve is the team's rule now, when it is accepted (not when it was asked).
    const needsApproval = schedule?.teamId ? ((await tx.select({ required: teams.swapApprovalRequired }).from(teams).where(eq(teams.id, schedule.teamId)))[0]?.required ?? false) : false;
    let row = await stepSwapRequest(tx, request.id, "accept", { acceptedBy: ctx.viewer.userId, acceptedAt: ctx.now, needsApproval }, ctx.now);
    if (!row.needsApproval) {
      await applySwap(tx, row, ctx.viewer.userId, ctx.now);
      row = await stepSwapRequest(tx, row.id, "approve", { decidedBy: ctx.viewer.userId, decidedAt: ctx.now }, ctx.now);
    }
    const body = swapNoticeBody(await swapSchedule(tx, row.scheduleId), row, { note: row.note });
    const notice: Notice = {
      kind: row.status === "approved" ? "swap.approved" : "swap.accepted",
      title: row.status === "approved" ? `${ctx.viewer.name} took your shift: the schedule is updated` : `${ctx.viewer.name} accepted; a manager must approve`,
      body,
      link: "/schedules/requests",
    };
    await writeNotices(tx, [row.requesterId], notice, ctx.now);
    let approval: { approvers: string[]; notice: Notice } | null = null;
    if (row.status === "accepted") {
      const [requester] = await tx.select({ name: users.name }).from(users).where(eq(users.id, row.requesterId));
      approval = {
        approvers: await swapApprovers(tx, [ctx.viewer.userId, row.requesterId]),
        notice: { kind: "swap.awaiting_approval", title: `${ctx.viewer.name} accepted ${requester!.name}'s ${row.kind} request: it waits for your approval`, body, link: "/schedules/requests" },
      };
      await writeNotices(tx, approval.approvers, approval.notice, ctx.now);
    }
    await recordAudit(tx, ctx, { action: "swap.accept", targetType: "swap_request", targetId: row.id, details: { status: row.status } });
    return { notify: [row.requesterId], notice, approval };
  }).catch(flagIfHandedOver(ctx.db, ctx.now));
  await emailNotices(ctx.db, notify, notice, origin);
  if (approval) await emailNotices(ctx.db, approval.approvers, approval.notice, origin);
  return getSwapRequest(ctx.db, data.requestId);
}
