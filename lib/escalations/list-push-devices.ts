import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { pushSubscriptions } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { PushDeviceOutput } from "./notification-settings-schemas";

type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/** A device as its owner sees it: never the keys. */
export function toPushDeviceOutput(row: PushSubscriptionRow): PushDeviceOutput {
  let service = "unknown";
  try {
    service = new URL(row.endpoint).hostname;
  } catch {
    // An endpoint stored before validation: still listed, so it can be removed.
  }
  return {
    id: row.id,
    endpoint: row.endpoint,
    service,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    lastFailureAt: row.lastFailureAt?.toISOString() ?? null,
  };
}

/** The browsers and devices the viewer enabled push on, oldest first. Everyone sees only their own. */
export async function listPushDevices(ctx: Pick<Ctx, "viewer"> & { db: Queryable }): Promise<PushDeviceOutput[]> {
  const rows = await ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, ctx.viewer.userId)).orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id));
  return rows.map(toPushDeviceOutput);
}
