import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { coverLedger, scheduleOverrides, schedules } from "@/db/schema";
import { hourBurden, holidaySet } from "@/lib/core/fairness/burden";
import { checkShiftInstanceAnchor, layerShiftByIndex } from "@/lib/core/schedule";
import { ConflictError } from "@/lib/errors";
import { loadEngineSchedule, personZone } from "@/lib/schedules/load-engine-schedule";
import type { SwapRow } from "./transition";

/**
 * Makes an approved swap or cover real, in the caller's transaction: the overrides that put the
 * coverer (and, for a swap, the requester) in place, and the ledger rows of hours and burden.
 * Refuses a request whose shift instance the rotation has since moved.
 */
export async function applySwap(tx: Tx, request: SwapRow, coverer: string, now: Date): Promise<void> {
  const loaded = await loadEngineSchedule(tx, request.scheduleId, now, now);
  const anchor = { layerId: request.layerId, index: request.shiftIndex, userId: request.requesterId, start: request.shiftStart.getTime(), end: request.shiftEnd.getTime() };
  const check = loaded.layers.some((l) => l.id === request.layerId) ? checkShiftInstanceAnchor(loaded.engine, anchor) : null;
  if (!check || check.status !== "unchanged") {
    throw new ConflictError("The rotation changed since this request was made: it is flagged; ask again for the shift as it is now.");
  }
  const [schedule] = await tx.select({ teamId: schedules.teamId }).from(schedules).where(eq(schedules.id, request.scheduleId));
  const holidays = holidaySet(loaded.holidays);
  const ledger = (covered: string, covering: string, start: Date, end: Date) => ({
    teamId: schedule?.teamId ?? null,
    scheduleId: request.scheduleId,
    swapRequestId: request.id,
    coveredUserId: covered,
    coveringUserId: covering,
    hours: (end.getTime() - start.getTime()) / 3_600_000,
    burden: hourBurden(start.getTime(), end.getTime(), personZone(loaded)(covering), holidays),
    createdAt: now,
  });
  await tx.insert(scheduleOverrides).values({
    scheduleId: request.scheduleId,
    userId: coverer,
    replacesUserId: request.requesterId,
    startsAt: request.partStart,
    endsAt: request.partEnd,
    origin: "swap",
    swapRequestId: request.id,
    createdBy: coverer,
    createdAt: now,
  });
  const rows = [ledger(request.requesterId, coverer, request.partStart, request.partEnd)];
  if (request.kind === "swap" && request.counterpartShiftIndex != null && request.counterpartStart && request.counterpartEnd) {
    const theirs = layerShiftByIndex(loaded.engine, request.layerId, request.counterpartShiftIndex, coverer);
    if (!theirs || theirs.userId !== coverer || theirs.start !== request.counterpartStart.getTime()) {
      throw new ConflictError("The shift offered in exchange has changed: ask again.");
    }
    await tx.insert(scheduleOverrides).values({
      scheduleId: request.scheduleId,
      userId: request.requesterId,
      replacesUserId: coverer,
      startsAt: request.counterpartStart,
      endsAt: request.counterpartEnd,
      origin: "swap",
      swapRequestId: request.id,
      createdBy: coverer,
      createdAt: now,
    });
    rows.push(ledger(coverer, request.requesterId, request.counterpartStart, request.counterpartEnd));
  }
  await tx.insert(coverLedger).values(rows);
}

/** Undoes an applied swap: its overrides go, its ledger rows are marked reversed. */
export async function unapplySwap(tx: Tx, requestId: string, now: Date): Promise<void> {
  await tx.delete(scheduleOverrides).where(eq(scheduleOverrides.swapRequestId, requestId));
  await tx.update(coverLedger).set({ reversedAt: now }).where(and(eq(coverLedger.swapRequestId, requestId), isNull(coverLedger.reversedAt)));
}
