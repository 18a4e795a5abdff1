import { and, eq, gt, gte, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { coverLedger, scheduleOverrides, schedules, swapRequests, users } from "@/db/schema";
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

type Part = { start: Date; end: Date };

/**
 * The 409 of a request whose part (or, for a swap, the colleague's part) was already handed over
 * by another approved request: nothing is left to hand over. The request is flagged (after the
 * refused transaction rolls back: see `flagIfHandedOver`).
 */
export class HandedOverError extends ConflictError {
  constructor(
    message: string,
    readonly requestId: string,
  ) {
    super(message);
  }
}

/**
 * The `catch` of a transaction that may apply a swap: when it was refused because the part was
 * already handed over, the request is flagged in its own statement (the refused transaction
 * rolled back); the error goes on either way.
 */
export function flagIfHandedOver(db: Database, now: Date): (e: unknown) => Promise<never> {
  return async (e) => {
    if (e instanceof HandedOverError) {
      await db
        .update(swapRequests)
        .set({ flaggedAt: now, updatedAt: now })
        .where(and(eq(swapRequests.id, e.requestId), inArray(swapRequests.status, ["pending", "accepted"]), isNull(swapRequests.flaggedAt)));
    }
    throw e;
  };
}

/** Whether an approved swap's override (not reverted) already replaces `holder` over any of `part`. */
async function handedOver(tx: Tx, scheduleId: string, holder: string, part: Part): Promise<boolean> {
  const [row] = await tx
    .select({ id: scheduleOverrides.id })
    .from(scheduleOverrides)
    .innerJoin(swapRequests, eq(swapRequests.id, scheduleOverrides.swapRequestId))
    .where(and(eq(scheduleOverrides.scheduleId, scheduleId), eq(scheduleOverrides.origin, "swap"), eq(scheduleOverrides.replacesUserId, holder), lt(scheduleOverrides.startsAt, part.end), gt(scheduleOverrides.endsAt, part.start), eq(swapRequests.status, "approved")))
    .limit(1);
  return !!row;
}

/**
 * Flags the other open requests on the schedule that ask for a part `holder` has just handed over
 * (their own part, or for a swap the part of theirs offered in exchange): they can no longer be applied.
 */
async function flagTakenOver(tx: Tx, request: SwapRow, holder: string, part: Part, now: Date): Promise<void> {
  await tx
    .update(swapRequests)
    .set({ flaggedAt: now, updatedAt: now })
    .where(
      and(
        eq(swapRequests.scheduleId, request.scheduleId),
        ne(swapRequests.id, request.id),
        inArray(swapRequests.status, ["pending", "accepted"]),
        isNull(swapRequests.flaggedAt),
        or(and(eq(swapRequests.requesterId, holder), lt(swapRequests.partStart, part.end), gt(swapRequests.partEnd, part.start)), and(eq(swapRequests.kind, "swap"), eq(swapRequests.counterpartId, holder), lt(swapRequests.counterpartStart, part.end), gt(swapRequests.counterpartEnd, part.start))),
      ),
    );
}

/** The 409 when a person the request would put on call is disabled (a disabled account holds no shift). */
async function refuseDisabled(tx: Tx, userIds: string[]): Promise<void> {
  const rows = await tx.select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled }).from(users).where(inArray(users.id, userIds));
  for (const id of userIds) { const u = rows.find((r) => r.id === id); if (u?.disabled) throw new ConflictError(`${u.name || u.email}'s account is disabled: they can't be paged. Reject this request.`); }
}

/**
 * Makes an approved swap or cover real, in the caller's transaction: the overrides that put the
 * coverer (and, for a swap, the requester) in place, and the ledger rows of hours and burden.
 * Never rewrites the past: each override starts at `now` at the earliest, a part already over is
 * not written (for the requester's part, that is a 409: nothing is left to hand over), and the
 * ledger counts only what the overrides hand over. The request's part (and the exchanged shift)
 * are stored as handed over, so its page and the ledger's say the same. Refuses a request whose
 * shift instance the rotation has since moved, a part another approved request already took over
 * (a `HandedOverError`: the request is flagged), and one that would put a disabled person on call.
 * Once applied, the other open requests for the parts handed over are flagged. Returns the
 * request as it now reads.
 */
export async function applySwap(tx: Tx, request: SwapRow, coverer: string, now: Date): Promise<SwapRow> {
  // Those put on call: the coverer, and for a swap the requester when something of the exchanged shift is left.
  const takesTheirs = request.kind === "swap" && request.counterpartStart && request.counterpartEnd && fromNow(request.counterpartStart, request.counterpartEnd, now);
  await refuseDisabled(tx, takesTheirs ? [coverer, request.requesterId] : [coverer]);
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
  const nameOf = (id: string) => loaded.people.get(id)?.name ?? "The colleague";
  if (await handedOver(tx, request.scheduleId, request.requesterId, mine)) {
    throw new HandedOverError(`${nameOf(request.requesterId)} no longer holds this shift: another approved request handed it over. This request is flagged: reject it or withdraw it.`, request.id);
  }
  const overrides = [override(coverer, request.requesterId, mine)];
  const rows = [ledger(request.requesterId, coverer, mine)];
  let theirs: { start: Date; end: Date } | null = null;
  if (request.kind === "swap" && request.counterpartShiftIndex != null && request.counterpartStart && request.counterpartEnd) {
    theirs = fromNow(request.counterpartStart, request.counterpartEnd, now);
    if (theirs) {
      // Their instance must still be theirs and still hold the part asked for (stored from the time of asking when it had begun).
      const part = { layerId: request.layerId, index: request.counterpartShiftIndex, userId: coverer, start: request.counterpartStart.getTime(), end: request.counterpartEnd.getTime() };
      if (!exchangedShiftHolds(loaded.engine, part)) throw new ConflictError("The shift offered in exchange has changed: ask again.");
      if (await handedOver(tx, request.scheduleId, coverer, theirs)) {
        throw new HandedOverError(`${nameOf(coverer)} no longer holds the shift offered in exchange: another approved request handed it over. This request is flagged: reject it or withdraw it.`, request.id);
      }
      overrides.push(override(request.requesterId, coverer, theirs));
      rows.push(ledger(coverer, request.requesterId, theirs));
    }
  }
  await tx.insert(scheduleOverrides).values(overrides);
  await tx.insert(coverLedger).values(rows);
  await flagTakenOver(tx, request, request.requesterId, mine, now);
  if (theirs) await flagTakenOver(tx, request, coverer, theirs, now);
  const [row] = await tx
    .update(swapRequests)
    .set({ partStart: mine.start, ...(theirs ? { counterpartStart: theirs.start } : {}), updatedAt: now })
    .where(eq(swapRequests.id, request.id))
    .returning();
  return row!;
}

/**
 * Undoes an applied swap from `now` on, never the past: an override already over stays, one under
 * way ends at `now`, one wholly to come goes. Each ledger row keeps (in hours and burden, computed
 * as `applySwap` does) only what was held until now; the rest is a row of its own marked reversed
 * (a row wholly to come is marked reversed as it is). Returns what is handed back: the request's
 * part and exchanged part from `now` on (null when over), as the notices name them.
 */
export async function unapplySwap(tx: Tx, request: SwapRow, now: Date): Promise<{ part: Part | null; counterpart: Part | null }> {
  const id = request.id;
  await tx.delete(scheduleOverrides).where(and(eq(scheduleOverrides.swapRequestId, id), gte(scheduleOverrides.startsAt, now)));
  await tx.update(scheduleOverrides).set({ endsAt: now }).where(and(eq(scheduleOverrides.swapRequestId, id), lt(scheduleOverrides.startsAt, now), gt(scheduleOverrides.endsAt, now)));
  const rows = await tx.select().from(coverLedger).where(and(eq(coverLedger.swapRequestId, id), isNull(coverLedger.reversedAt)));
  const partOf = (covered: string): Part | null => (covered === request.requesterId ? { start: request.partStart, end: request.partEnd } : request.counterpartStart && request.counterpartEnd ? { start: request.counterpartStart, end: request.counterpartEnd } : null);
  let loaded: Awaited<ReturnType<typeof loadEngineSchedule>> | null = null;
  for (const row of rows) {
    const part = partOf(row.coveredUserId);
    const back = part && fromNow(part.start, part.end, now);
    if (!part || !back) continue; // All held already: it stays as counted.
    if (back.start.getTime() === part.start.getTime()) {
      // Nothing of it was held yet: all of it is reversed.
      await tx.update(coverLedger).set({ reversedAt: now }).where(eq(coverLedger.id, row.id));
      continue;
    }
    loaded ??= await loadEngineSchedule(tx, request.scheduleId, now, now);
    const burden = (p: Part) => hourBurden(p.start.getTime(), p.end.getTime(), personZone(loaded!)(row.coveringUserId), holidaySet(loaded!.holidays));
    const hours = (p: Part) => (p.end.getTime() - p.start.getTime()) / 3_600_000;
    const kept = { start: part.start, end: now };
    await tx.update(coverLedger).set({ hours: hours(kept), burden: burden(kept) }).where(eq(coverLedger.id, row.id));
    const { id: _id, ...rest } = row;
    await tx.insert(coverLedger).values({ ...rest, hours: hours(back), burden: burden(back), reversedAt: now });
  }
  const mine = fromNow(request.partStart, request.partEnd, now);
  const theirs = request.counterpartStart && request.counterpartEnd ? fromNow(request.counterpartStart, request.counterpartEnd, now) : null;
  return { part: mine, counterpart: theirs };
}
