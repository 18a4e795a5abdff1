import { and, eq } from "drizzle-orm";
import { swapRequests, teamMembers, teams } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { layerShiftByIndex } from "@/lib/core/schedule";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { loadEngineSchedule } from "@/lib/schedules/load-engine-schedule";
import { parseInput } from "@/lib/validation";
import { emailNotices, swapNoticeBody, writeNotices, type Notice } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { createSwapRequestInput } from "./schemas";


/**
 * Asks a colleague to swap or cover (part of) one of your shift instances, or offers it to the
 * whole team. Anchored to the instance (layer, index, start, end) as it is now.
 */
export async function createSwapRequest({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "swaps:request", { type: "swap_request" });
  const data = parseInput(createSwapRequestInput, input);
  const requesterId = data.onBehalfOf ?? ctx.viewer.userId;
  if (requesterId !== ctx.viewer.userId) await requirePermission(ctx, "swaps:approve", { type: "swap_request" });
  const { id, notify, notice } = await ctx.db.transaction(async (tx) => {
    const loaded = await loadEngineSchedule(tx, data.scheduleId, ctx.now, ctx.now);
    if (!loaded.layers.some((l) => l.id === data.layerId)) throw new NotFoundError("Layer");
    // The instance as the requester holds it: an edit planned ahead (or just made) may split it.
    const shift = layerShiftByIndex(loaded.engine, data.layerId, data.shiftIndex, requesterId);
    if (!shift) throw InvalidError.field("shiftIndex", "No such shift");
    if (shift.userId !== requesterId) throw InvalidError.field("shiftIndex", "That shift is not yours to give away");
    if (shift.end <= ctx.now.getTime()) throw InvalidError.field("shiftIndex", "That shift is over");
    const partStart = data.partStart ?? new Date(shift.start);
    const partEnd = data.partEnd ?? new Date(shift.end);
    // A reversed part is the schema's error; here the part (with a defaulted end) must fit the shift.
    if (partStart.getTime() < shift.start || partEnd.getTime() > shift.end || partEnd <= partStart) throw InvalidError.field("partEnd", "The part must lie inside the shift");
    let counterpartShift: { index: number; start: number; end: number } | null = null;
    if (data.kind === "swap") {
      const theirs = layerShiftByIndex(loaded.engine, data.layerId, data.counterpartShiftIndex!, data.counterpartId);
      if (!theirs || theirs.userId !== data.counterpartId) throw InvalidError.field("counterpartShiftIndex", "That shift is not theirs");
      if (theirs.end <= ctx.now.getTime()) throw InvalidError.field("counterpartShiftIndex", "That shift is over");
      counterpartShift = { index: theirs.index, start: theirs.start, end: theirs.end };
    }
    if (data.counterpartId === requesterId) throw InvalidError.field("counterpartId", "Ask someone else");
    const team = loaded.row.teamId ? (await tx.select().from(teams).where(eq(teams.id, loaded.row.teamId)))[0] : undefined;
    const members = team ? (await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, team.id))).map((m) => m.userId) : loaded.layers.flatMap((l) => l.participants);
    if (data.counterpartId && !members.includes(data.counterpartId) && !can(ctx.viewer, "swaps:approve")) throw InvalidError.field("counterpartId", "Ask someone on the schedule's team");
    const [open] = await tx
      .select({ id: swapRequests.id })
      .from(swapRequests)
      .where(and(eq(swapRequests.layerId, data.layerId), eq(swapRequests.shiftIndex, shift.index), eq(swapRequests.requesterId, requesterId), eq(swapRequests.status, "pending")));
    if (open) throw new ConflictError("There is already an open request for this shift.");
    const [row] = await tx
      .insert(swapRequests)
      .values({
        scheduleId: data.scheduleId,
        kind: data.kind,
        requesterId,
        counterpartId: data.counterpartId ?? null,
        layerId: data.layerId,
        shiftIndex: shift.index,
        shiftStart: new Date(shift.start),
        shiftEnd: new Date(shift.end),
        partStart,
        partEnd,
        counterpartLayerId: counterpartShift ? data.layerId : null,
        counterpartShiftIndex: counterpartShift?.index ?? null,
        counterpartStart: counterpartShift ? new Date(counterpartShift.start) : null,
        counterpartEnd: counterpartShift ? new Date(counterpartShift.end) : null,
        needsApproval: team?.swapApprovalRequired ?? false,
        note: data.note,
        createdBy: ctx.viewer.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: swapRequests.id });
    const who = loaded.people.get(requesterId)?.name ?? "A colleague";
    const notice: Notice = {
      kind: "swap.requested",
      title: data.counterpartId ? `${who} asks you to ${data.kind} a shift` : `${who} offers a shift to the team`,
      body: swapNoticeBody(loaded.row, { partStart, partEnd, counterpartStart: counterpartShift && new Date(counterpartShift.start), counterpartEnd: counterpartShift && new Date(counterpartShift.end) }, { note: data.note }),
      link: `/schedules/requests`,
    };
    const notify = data.counterpartId ? [data.counterpartId] : members.filter((m) => m !== requesterId);
    await writeNotices(tx, notify, notice, ctx.now);
    await recordAudit(tx, ctx, { action: "swap.request", targetType: "swap_request", targetId: row!.id, details: { kind: data.kind, requesterId, counterpartId: data.counterpartId ?? null, layerId: data.layerId, shiftIndex: shift.index } });
    return { id: row!.id, notify, notice };
  });
  await emailNotices(ctx.db, notify, notice, origin);
  return getSwapRequest(ctx.db, id);
}
