import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { scheduleOverrides } from "@/db/schema";

/** Test helper: the overrides a request wrote, in time order, as { userId, replacesUserId, start, end }. */
export async function swapOverrides(db: Queryable, requestId: string) {
  const rows = await db.select().from(scheduleOverrides).where(eq(scheduleOverrides.swapRequestId, requestId)).orderBy(asc(scheduleOverrides.startsAt));
  return rows.map((o) => ({ userId: o.userId, replacesUserId: o.replacesUserId, start: o.startsAt.toISOString(), end: o.endsAt.toISOString() }));
}
