import { alias } from "drizzle-orm/pg-core";
import { desc, eq, or } from "drizzle-orm";
import { coverLedger, schedules, swapRequests, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { getUser } from "@/lib/users/read-users";

export type LedgerEntry = {
  id: string;
  /** "gave": the person covered someone; "got": someone covered them. */
  direction: "gave" | "got";
  other: { id: string; name: string };
  schedule: { id: string; name: string };
  /** The covered part of the shift. */
  start: string;
  end: string;
  hours: number;
  burden: number;
  at: string;
  reversedAt: string | null;
};

/**
 * The covers one person gave and got, newest first (a person's page): who, on which schedule,
 * which part of which shift, hours and weighted burden, and whether it was reverted (a cover
 * reverted under way reads as two entries: the part held, counted, and the rest, reverted). Staff only;
 * the person must be visible to the viewer (engineers see the people of their teams).
 */
export async function listLedgerEntries(ctx: Ctx, userId: string, limit = 50): Promise<LedgerEntry[]> {
  await requirePermission(ctx, "schedules:read", { type: "user", id: userId });
  await getUser(ctx, userId);
  const covered = alias(users, "covered");
  const covering = alias(users, "covering");
  const rows = await ctx.db
    .select({ l: coverLedger, scheduleName: schedules.name, r: swapRequests, coveredName: covered.name, coveredEmail: covered.email, coveringName: covering.name, coveringEmail: covering.email })
    .from(coverLedger)
    .innerJoin(schedules, eq(schedules.id, coverLedger.scheduleId))
    .innerJoin(covered, eq(covered.id, coverLedger.coveredUserId))
    .innerJoin(covering, eq(covering.id, coverLedger.coveringUserId))
    .leftJoin(swapRequests, eq(swapRequests.id, coverLedger.swapRequestId))
    .where(or(eq(coverLedger.coveredUserId, userId), eq(coverLedger.coveringUserId, userId)))
    .orderBy(desc(coverLedger.createdAt), desc(coverLedger.id))
    .limit(limit);
  return rows.map(({ l, scheduleName, r, coveredName, coveredEmail, coveringName, coveringEmail }) => {
    const gave = l.coveringUserId === userId;
    // A swap writes two rows: the counterpart covers the requester's part, the requester the counterpart's shift.
    const requesterCovered = !r || l.coveredUserId === r.requesterId;
    let start = requesterCovered ? r?.partStart : r.counterpartStart;
    let end = requesterCovered ? r?.partEnd : r.counterpartEnd;
    // A revert splits a row at its time: what was held until then stays counted, the rest is reversed.
    if (start && end && l.reversedAt && l.reversedAt > start) start = l.reversedAt;
    else if (start && end && !l.reversedAt && r?.status === "reverted" && r.decidedAt && r.decidedAt < end) end = r.decidedAt;
    return {
      id: l.id,
      direction: gave ? "gave" : "got",
      other: gave ? { id: l.coveredUserId, name: coveredName || coveredEmail } : { id: l.coveringUserId, name: coveringName || coveringEmail },
      schedule: { id: l.scheduleId, name: scheduleName },
      start: (start ?? l.createdAt).toISOString(),
      end: (end ?? l.createdAt).toISOString(),
      hours: l.hours,
      burden: l.burden,
      at: l.createdAt.toISOString(),
      reversedAt: l.reversedAt?.toISOString() ?? null,
    };
  });
}
