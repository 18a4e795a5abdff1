import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { emailNotices, swapNoticeBody, swapSchedule, swapTeam, writeNotices, type Notice } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { swapRequestIdInput } from "./schemas";
import { lockSwapRequest, stepSwapRequest } from "./transition";

/**
 * The requester (or a manager) withdraws a request before it changes the schedule: while it
 * waits for an answer, or, accepted, for a manager's approval (a flagged one, say, which can no
 * longer be approved). The colleague who was asked (or who took the offer) is told in the app and
 * by email, with the note if one is given; so is the requester when a manager withdraws it. An
 * open offer nobody took is withdrawn from the team with an in-app notice only (their offer
 * email needs no follow-up in their inbox: the request page shows it withdrawn).
 */
export async function cancelSwapRequest({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "swaps:request", { type: "swap_request" });
  const data = parseInput(swapRequestIdInput, input);
  const emails = await ctx.db.transaction(async (tx) => {
    const request = await lockSwapRequest(tx, data.requestId);
    if (request.requesterId !== ctx.viewer.userId && !can(ctx.viewer, "swaps:approve")) {
      // The colleague asked sees the request: tell them why, rather than that it does not exist.
      if (request.counterpartId === ctx.viewer.userId || request.acceptedBy === ctx.viewer.userId) throw new ForbiddenError("Only the person who asked, or a manager, can cancel this request: decline it instead.");
      throw new NotFoundError("Swap request");
    }
    const row = await stepSwapRequest(tx, request.id, "cancel", { decidedBy: ctx.viewer.userId, decidedAt: ctx.now }, ctx.now);
    const schedule = await swapSchedule(tx, row.scheduleId);
    const body = swapNoticeBody(schedule, row, { note: data.note });
    const byRequester = row.requesterId === ctx.viewer.userId;
    const [requester] = await tx.select({ name: users.name }).from(users).where(eq(users.id, row.requesterId));
    const emails: { to: string[]; notice: Notice }[] = [];
    const asked = row.counterpartId ?? row.acceptedBy;
    if (asked) {
      const title = byRequester ? `${ctx.viewer.name} withdrew a shift request to you` : `${ctx.viewer.name} withdrew ${requester?.name ?? "a colleague"}'s shift request to you`;
      emails.push({ to: [asked], notice: { kind: "swap.cancelled", title, body, link: "/schedules/requests" } });
    } else {
      const team = (await swapTeam(tx, row.scheduleId)).filter((id) => id !== row.requesterId && id !== ctx.viewer.userId);
      await writeNotices(tx, team, { kind: "swap.cancelled", title: "A shift offered to the team was withdrawn", body, link: "/schedules/requests" }, ctx.now);
    }
    if (!byRequester) emails.push({ to: [row.requesterId], notice: { kind: "swap.cancelled", title: `${ctx.viewer.name} withdrew your shift request`, body, link: "/schedules/requests" } });
    for (const e of emails) e.to = e.to.filter((id) => id !== ctx.viewer.userId);
    for (const e of emails) await writeNotices(tx, e.to, e.notice, ctx.now);
    await recordAudit(tx, ctx, { action: "swap.cancel", targetType: "swap_request", targetId: row.id, details: { from: request.status } });
    return emails;
  });
  for (const e of emails) await emailNotices(ctx.db, e.to, e.notice, origin);
  return getSwapRequest(ctx.db, data.requestId);
}
