import { and, eq } from "drizzle-orm";
import { swapRequests, teamMembers, teams, users } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { layerShiftByIndex, type RotationShift, type Schedule } from "@/lib/core/schedule";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { loadEngineSchedule } from "@/lib/schedules/load-engine-schedule";
import { PLAN_AHEAD_MS } from "@/lib/schedules/schemas";
import { parseInput } from "@/lib/validation";
import { fromNow } from "./apply-swap";
import { emailNotices, swapNoticeBody, writeNotices, type Notice } from "./notify-swap";
import { getSwapRequest } from "./read-swap-requests";
import { createSwapRequestInput, SHIFT_TOO_FAR_MESSAGE } from "./schemas";

/**
 * Instance `index` of the layer as `holderId` holds it, refused (400 naming `field`) when it is
 * more than a year ahead of now, including an index so large its dates cannot be computed.
 */
function shiftWithinAYear(engine: Schedule, layerId: string, index: number, holderId: string | null | undefined, now: Date, field: string): RotationShift | null {
  let shift: RotationShift | null;
  try {
    shift = layerShiftByIndex(engine, layerId, index, holderId);
  } catch (e) {
    if (e instanceof RangeError) throw InvalidError.field(field, SHIFT_TOO_FAR_MESSAGE);
    throw e;
  }
  if (shift && !(shift.start <= now.getTime() + PLAN_AHEAD_MS)) throw InvalidError.field(field, SHIFT_TOO_FAR_MESSAGE);
  return shift;
}

/**
 * Asks a colleague to swap or cover (part of) one of your shift instances, or offers it to the
 * whole team. Anchored to the instance (layer, index, start, end) as it is now. Only what is
 * still to come can be handed over: the part asked for (and, for a swap, the colleague's shift
 * taken in exchange) is stored from now when the shift is already under way, as the form shows it.
 * A manager may ask on someone's behalf: the notices name both, and that person is told too.
 */
export async function createSwapRequest({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "swaps:request", { type: "swap_request" });
  const data = parseInput(createSwapRequestInput, input);
  const requesterId = data.onBehalfOf ?? ctx.viewer.userId;
  const onBehalf = requesterId !== ctx.viewer.userId;
  if (onBehalf) await requirePermission(ctx, "swaps:approve", { type: "swap_request" });
  const { id, mails } = await ctx.db.transaction(async (tx) => {
    const loaded = await loadEngineSchedule(tx, data.scheduleId, ctx.now, ctx.now);
    if (!loaded.layers.some((l) => l.id === data.layerId)) throw new NotFoundError("Layer");
    // The instance as the requester holds it: an edit planned ahead (or just made) may split it.
    const shift = shiftWithinAYear(loaded.engine, data.layerId, data.shiftIndex, requesterId, ctx.now, "shiftIndex");
    if (!shift) throw InvalidError.field("shiftIndex", "No such shift");
    if (shift.userId !== requesterId) throw InvalidError.field("shiftIndex", onBehalf ? "That shift is not held by the person you are asking for" : "That shift is not yours to give away");
    if (shift.end <= ctx.now.getTime()) throw InvalidError.field("shiftIndex", "That shift is over");
    const asked = { start: data.partStart ?? new Date(shift.start), end: data.partEnd ?? new Date(shift.end) };
    // A reversed part is the schema's error; here the part (with a defaulted end) must fit the
    // shift, and the error names the end that falls outside it.
    if (asked.start.getTime() < shift.start) throw InvalidError.field("partStart", "The part must lie inside the shift");
    if (asked.end.getTime() > shift.end || asked.end <= asked.start) throw InvalidError.field("partEnd", "The part must lie inside the shift");
    const part = fromNow(asked.start, asked.end, ctx.now);
    if (!part) throw InvalidError.field("partEnd", "That part of the shift is over");
    let counterpartShift: { index: number; start: number; end: number } | null = null;
    if (data.kind === "swap") {
      const theirs = shiftWithinAYear(loaded.engine, data.layerId, data.counterpartShiftIndex!, data.counterpartId, ctx.now, "counterpartShiftIndex");
      if (!theirs || theirs.userId !== data.counterpartId) throw InvalidError.field("counterpartShiftIndex", "That shift is not theirs");
      if (theirs.end <= ctx.now.getTime()) throw InvalidError.field("counterpartShiftIndex", "That shift is over");
      // Under way: what is left of it, as the form's list of their shifts shows it.
      counterpartShift = { index: theirs.index, start: Math.max(theirs.start, ctx.now.getTime()), end: theirs.end };
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
    const counterpartStart = counterpartShift && new Date(counterpartShift.start);
    const counterpartEnd = counterpartShift && new Date(counterpartShift.end);
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
        partStart: part.start,
        partEnd: part.end,
        counterpartLayerId: counterpartShift ? data.layerId : null,
        counterpartShiftIndex: counterpartShift?.index ?? null,
        counterpartStart,
        counterpartEnd,
        // What the team asks now; the rule when it is accepted is the one that holds (accept reads it again).
        needsApproval: team?.swapApprovalRequired ?? false,
        note: data.note,
        createdBy: ctx.viewer.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: swapRequests.id });
    const requesterName = loaded.people.get(requesterId)?.name;
    // "Morgan Manager, for Dave Patel, asks…" when a manager asks on someone's behalf.
    const who = onBehalf ? `${ctx.viewer.name}, for ${requesterName ?? "a colleague"},` : (requesterName ?? "A colleague");
    const body = swapNoticeBody(loaded.row, { partStart: part.start, partEnd: part.end, counterpartStart, counterpartEnd }, { note: data.note });
    const notice: Notice = {
      kind: "swap.requested",
      title: data.counterpartId ? `${who} asks you to ${data.kind} a shift` : `${who} offers a shift to the team`,
      body,
      link: `/schedules/requests`,
    };
    const notify = (data.counterpartId ? [data.counterpartId] : members.filter((m) => m !== requesterId)).filter((m) => m !== ctx.viewer.userId);
    await writeNotices(tx, notify, notice, ctx.now);
    const mails: { to: string[]; notice: Notice }[] = [{ to: notify, notice }];
    if (onBehalf) {
      const counterpartName = data.counterpartId ? (loaded.people.get(data.counterpartId)?.name ?? (await tx.select({ name: users.name }).from(users).where(eq(users.id, data.counterpartId)))[0]?.name ?? "a colleague") : null;
      const title = !counterpartName
        ? `${ctx.viewer.name} offered your shift to the team`
        : data.kind === "swap"
          ? `${ctx.viewer.name} asked ${counterpartName} to swap a shift with you`
          : `${ctx.viewer.name} asked ${counterpartName} to cover your shift`;
      const forThem: Notice = { kind: "swap.requested_for_you", title, body, link: "/schedules/requests" };
      await writeNotices(tx, [requesterId], forThem, ctx.now);
      mails.push({ to: [requesterId], notice: forThem });
    }
    await recordAudit(tx, ctx, {
      action: "swap.request",
      targetType: "swap_request",
      targetId: row!.id,
      details: { kind: data.kind, requesterId, counterpartId: data.counterpartId ?? null, layerId: data.layerId, shiftIndex: shift.index, ...(onBehalf ? { onBehalfOf: requesterId } : {}) },
    });
    return { id: row!.id, mails };
  });
  for (const m of mails) await emailNotices(ctx.db, m.to, m.notice, origin);
  return getSwapRequest(ctx.db, id);
}
