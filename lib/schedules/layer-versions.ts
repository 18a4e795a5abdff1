import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { layerAssignments, layerParticipants, layerVersions, scheduleLayers, swapRequests } from "@/db/schema";
import { checkShiftInstanceAnchor, exchangedShiftHolds } from "@/lib/core/schedule";
import { loadEngineSchedule } from "./load-engine-schedule";

/** Who takes turns in a layer as it stands, in order, and the generator decisions published for it. */
export async function readRotation(tx: Tx, layerId: string): Promise<{ participants: string[]; decided: { index: number; userId: string }[] }> {
  const participants = (await tx.select({ userId: layerParticipants.userId }).from(layerParticipants).where(eq(layerParticipants.layerId, layerId)).orderBy(layerParticipants.position)).map((p) => p.userId);
  const decided = await tx.select({ index: layerAssignments.shiftIndex, userId: layerAssignments.userId }).from(layerAssignments).where(eq(layerAssignments.layerId, layerId));
  return { participants, decided };
}

/**
 * A layer's rotation as it stands, kept as a version valid until `validUntil`, with its published
 * decisions up to instance `reached` (the one in progress then) and, when the schedule's zone is
 * about to change, the zone it was in.
 */
export function versionOf(
  layer: typeof scheduleLayers.$inferSelect,
  v: { participants: string[]; decided: { index: number; userId: string }[]; reached: number; validUntil: Date; now: Date; timeZone?: string },
): typeof layerVersions.$inferInsert {
  return {
    layerId: layer.id,
    validUntil: v.validUntil,
    participants: v.participants,
    shiftUnit: layer.shiftUnit,
    shiftCount: layer.shiftCount,
    handoffTime: layer.handoffTime,
    handoffWeekday: layer.handoffWeekday,
    startDate: layer.startDate,
    restrictions: layer.restrictions,
    position: layer.position,
    assignments: v.decided.filter((a) => a.index <= v.reached).map((a): [number, string] => [a.index, a.userId]),
    timeZone: v.timeZone ?? null,
    createdAt: v.now,
  };
}

/**
 * Open swap requests anchored to a schedule's shift instances (of one layer, with `layerId`) are
 * flagged when a change moves or reassigns the instance they name (or, for a swap, the
 * colleague's shift offered in exchange): shown to people, never
 * silently moved. Checked against the schedule as the change leaves it (every version still to
 * hold, the published plan that remains); a shift over before `from` is not moved by it.
 */
export async function flagMovedRequests(tx: Tx, scheduleId: string, opts: { layerId?: string; from: Date; now: Date }) {
  const open = await tx
    .select()
    .from(swapRequests)
    .where(
      and(
        eq(swapRequests.scheduleId, scheduleId),
        opts.layerId ? eq(swapRequests.layerId, opts.layerId) : undefined,
        inArray(swapRequests.status, ["pending", "accepted"]),
        isNull(swapRequests.flaggedAt),
        or(gt(swapRequests.shiftEnd, opts.from), gt(swapRequests.counterpartEnd, opts.from)),
      ),
    );
  if (open.length === 0) return;
  const { engine } = await loadEngineSchedule(tx, scheduleId, opts.now, opts.now);
  for (const r of open) {
    const check = checkShiftInstanceAnchor(engine, { layerId: r.layerId, index: r.shiftIndex, userId: r.requesterId, start: r.shiftStart.getTime(), end: r.shiftEnd.getTime() });
    // A swap also rests on the colleague's shift given in exchange.
    const exchanged =
      r.kind === "swap" && r.counterpartShiftIndex != null && r.counterpartId && r.counterpartStart && r.counterpartEnd
        ? exchangedShiftHolds(engine, { layerId: r.layerId, index: r.counterpartShiftIndex, userId: r.counterpartId, start: r.counterpartStart.getTime(), end: r.counterpartEnd.getTime() })
        : true;
    if (check.status !== "unchanged" || !exchanged) await tx.update(swapRequests).set({ flaggedAt: opts.now, updatedAt: opts.now }).where(eq(swapRequests.id, r.id));
  }
}
