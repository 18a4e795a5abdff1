import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { coverLedger, scheduleOverrides, schedules, swapRequests } from "@/db/schema";
import { hourBurden, holidaySet } from "@/lib/core/fairness/burden";
import { checkShiftInstanceAnchor, exchangedShiftHolds } from "@/lib/core/schedule";
import { ConflictError } from "@/lib/errors";
import { loadEngineSchedule, personZone } from "@/lib/schedules/load-engine-schedule";
import { ROTATION_CHANGED, type SwapRow } from "./transition";

/** What is left of [start, end) from `now` on, or null when it is all past: the past is what was worked. */
export function fromNow(start: Date, end: Date, now: Date): { start: Date; end: Date } | null {
  const from = start.getTime() < now.getTime() ? now : start;
  return end.getTime() > from.getTime() ? { start: from, end } : null;
}

/**
 * Makes an approved swap or cover real, in the caller's transaction: the overrides that put the
 * coverer (and, for a swap, the requester) in place, and the ledger rows of hours and burden.
 * Never rewrites the past: each override starts at `now` at the earliest, a part already over is
 * not written (for the requester's part, that is a 409: nothing is left to hand over), and the
 * ledger counts only what the overrides hand over. The request's part (and the exchanged shift)
 * are stored as handed over, so its page and the ledger's say the same. Refuses a request whose
 * shift instance the rotation has since moved. Returns the request as it now reads.
 */
export async function applySwap(tx: Tx, request: SwapRow, coverer: string, now: Date): Promise<SwapRow> {
  const loaded = await loadEngineSchedule(tx, request.scheduleId, now, now);
  const anchor = { layerId: request.layerId, index: request.shiftIndex, userId: request.requesterId, start: request.shiftStart.getTime(), end: request.shiftEnd.getTime() };
  const check = loaded.layers.some((l) => l.id === request.layerId) ? checkShiftInstanceAnchor(loaded.engine, anchor) : null;
  if (!check || check.status !== "unchanged") throw new ConflictError(ROTATION_CHANGED);
  const mine = fromNow(request.partStart, request.partEnd, now);
  if (!mine) throw new ConflictError("That shift is over: nothing of it is left to hand over.");
  const [schedule] = await tx.select({ teamId: schedules.teamId }).from(schedules).where(eq(schedules.id, request.scheduleId));
  const holidays = holidaySet(loaded.holidays);
  const ledger = (covered: string, covering: string, part: { start: Date; end: Date }) => ({
    teamId: schedule?.teamId ?? null,
    scheduleId: request.scheduleId,
    swapRequestId: request.id,
    coveredUserId: covered,
    coveringUserId: covering,
    hours: (part.end.getTime() - part.start.getTime()) / 3_600_000,
    burden: hourBurden(part.start.getTime(), part.end.getTime(), personZone(loaded)(covering), holidays),
    createdAt: now,
  });
  const override = (userId: string, replacesUserId: string, part: { start: Date; end: Date }) => ({
    scheduleId: request.scheduleId,
    userId,
    replacesUserId,
    startsAt: part.start,
    endsAt: part.end,
    origin: "swap" as const,
    swapRequestId: request.id,
    createdBy: coverer,
    createdAt: now,
  });
  const overrides = [override(coverer, request.requesterId, mine)];
  const rows = [ledger(request.requesterId, coverer, mine)];
  let theirs: { start: Date; end: Date } | null = null;
  if (request.kind === "swap" && request.counterpartShiftIndex != null && request.counterpartStart && request.counterpartEnd) {
    theirs = fromNow(request.counterpartStart, request.counterpartEnd, now);
    if (theirs) {
      // Their instance must still be theirs and still hold the part asked for (stored from the time of asking when it had begun).
      const part = { layerId: request.layerId, index: request.counterpartShiftIndex, userId: coverer, start: request.counterpartStart.getTime(), end: request.counterpartEnd.getTime() };
      if (!exchangedShiftHolds(loaded.engine, part)) throw new ConflictError("The shift offered in exchange has changed: ask again.");
      overrides.push(override(request.requesterId, coverer, theirs));
      rows.push(ledger(coverer, request.requesterId, theirs));
    }
  }
  await tx.insert(scheduleOverrides).values(overrides);
  await tx.insert(coverLedger).values(rows);
  const [row] = await tx
    .update(swapRequests)
    .set({ partStart: mine.start, ...(theirs ? { counterpartStart: theirs.start } : {}), updatedAt: now })
    .where(eq(swapRequests.id, request.id))
    .returning();
  return row!;
}

/** Undoes an applied swap: its overrides go, its ledger rows are marked reversed. */
export async function unapplySwap(tx: Tx, requestId: string, now: Date): Promise<void> {
  await tx.delete(scheduleOverrides).where(eq(scheduleOverrides.swapRequestId, requestId));
  await tx.update(coverLedger).set({ reversedAt: now }).where(and(eq(coverLedger.swapRequestId, requestId), isNull(coverLedger.reversedAt)));
}
