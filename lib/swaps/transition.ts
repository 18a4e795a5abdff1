import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { swapRequests, type SwapStatus } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";

export type SwapRow = typeof swapRequests.$inferSelect;

/**
 * Moves a request from one of `from` to `to` with a conditional UPDATE: of two people acting
 * at once, exactly one gets the row; the other gets a ConflictError (409).
 */
export async function transitionSwapRequest(tx: Tx, id: string, from: SwapStatus[], to: SwapStatus, set: Partial<SwapRow>, now: Date): Promise<SwapRow> {
  const [row] = await tx
    .update(swapRequests)
    .set({ ...set, status: to, updatedAt: now })
    .where(and(eq(swapRequests.id, id), inArray(swapRequests.status, from)))
    .returning();
  if (row) return row;
  const [current] = await tx.select({ status: swapRequests.status }).from(swapRequests).where(eq(swapRequests.id, id));
  if (!current) throw new NotFoundError("Swap request");
  throw new ConflictError(`This request is already ${current.status}.`);
}

export async function lockSwapRequest(tx: Tx, id: string): Promise<SwapRow> {
  const [row] = await tx.select().from(swapRequests).where(eq(swapRequests.id, id)).for("update");
  if (!row) throw new NotFoundError("Swap request");
  return row;
}
