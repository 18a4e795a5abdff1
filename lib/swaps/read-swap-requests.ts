import { and, desc, eq, inArray, isNull, notInArray, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { schedules, swapRequests, teams, users } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import type { SwapRequestOutput } from "./schemas";

const requester = alias(users, "requester");
const counterpart = alias(users, "counterpart");

async function select(db: Queryable, where: SQL | undefined, limit = 200): Promise<SwapRequestOutput[]> {
  const rows = await db
    .select({ r: swapRequests, requesterName: requester.name, counterpartName: counterpart.name, teamApproval: teams.swapApprovalRequired })
    .from(swapRequests)
    .innerJoin(requester, eq(requester.id, swapRequests.requesterId))
    .leftJoin(counterpart, eq(counterpart.id, swapRequests.counterpartId))
    .leftJoin(schedules, eq(schedules.id, swapRequests.scheduleId))
    .leftJoin(teams, eq(teams.id, schedules.teamId))
    .where(where)
    .orderBy(desc(swapRequests.createdAt))
    .limit(limit);
  return rows.map(({ r, requesterName, counterpartName, teamApproval }) => ({
    id: r.id,
    scheduleId: r.scheduleId,
    kind: r.kind,
    status: r.status,
    requesterId: r.requesterId,
    requesterName,
    counterpartId: r.counterpartId,
    counterpartName: counterpartName ?? null,
    acceptedBy: r.acceptedBy,
    shift: { layerId: r.layerId, index: r.shiftIndex, start: r.shiftStart.toISOString(), end: r.shiftEnd.toISOString() },
    part: { start: r.partStart.toISOString(), end: r.partEnd.toISOString() },
    counterpartShift: r.counterpartShiftIndex != null && r.counterpartStart && r.counterpartEnd ? { index: r.counterpartShiftIndex, start: r.counterpartStart.toISOString(), end: r.counterpartEnd.toISOString() } : null,
    // Until accepted, the team's rule as it is now (the one accepting will apply); then the rule it was accepted under.
    needsApproval: r.status === "pending" ? (teamApproval ?? false) : r.needsApproval,
    flagged: r.flaggedAt !== null,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Requests the viewer is part of (managers: all), newest first; optionally one schedule's or open ones. */
const OPEN: ("pending" | "accepted")[] = ["pending", "accepted"];

/** The requests the viewer is part of (managers: all); `open`: only open ones (true), only closed ones (false), or both. */
export async function listSwapRequests(ctx: Ctx, opts: { scheduleId?: string; open?: boolean } = {}) {
  await requirePermission(ctx, "swaps:request");
  const mine = can(ctx.viewer, "swaps:approve")
    ? undefined
    : or(
        eq(swapRequests.requesterId, ctx.viewer.userId),
        eq(swapRequests.counterpartId, ctx.viewer.userId),
        eq(swapRequests.acceptedBy, ctx.viewer.userId),
        // Open offers only to the schedule's own team.
        and(
          eq(swapRequests.status, "pending"),
          isNull(swapRequests.counterpartId),
          inArray(swapRequests.scheduleId, ctx.db.select({ id: schedules.id }).from(schedules).where(inArray(schedules.teamId, ctx.viewer.teamIds.length ? ctx.viewer.teamIds : [""]))),
        ),
      );
  return select(ctx.db, and(mine, opts.scheduleId ? eq(swapRequests.scheduleId, opts.scheduleId) : undefined, opts.open === true ? inArray(swapRequests.status, OPEN) : opts.open === false ? notInArray(swapRequests.status, OPEN) : undefined));
}

export async function getSwapRequest(db: Queryable, id: string): Promise<SwapRequestOutput> {
  const [row] = await select(db, eq(swapRequests.id, id), 1);
  if (!row) throw new NotFoundError("Swap request");
  return row;
}
