import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { swapRequests, type SwapStatus } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { SWAP_STEPS, type SwapStep } from "./steps";

export type SwapRow = typeof swapRequests.$inferSelect;
export { SWAP_STEPS, stepAllowed, type SwapStep } from "./steps";

/**
 * Moves a request from one of `from` to `to` with a conditional UPDATE: of two people acting
 * at once, exactly one gets the row; the other gets a ConflictError (409).
 */
export async function transitionSwapRequest(tx: Tx, id: string, from: readonly SwapStatus[], to: SwapStatus, set: Partial<SwapRow>, now: Date): Promise<SwapRow> {
  const [row] = await tx
    .update(swapRequests)
    .set({ ...set, status: to, updatedAt: now })
    .where(and(eq(swapRequests.id, id), inArray(swapRequests.status, [...from])))
    .returning();
  if (row) return row;
  const [current] = await tx.select({ status: swapRequests.status }).from(swapRequests).where(eq(swapRequests.id, id));
  if (!current) throw new NotFoundError("Swap request");
  throw new ConflictError(`This request is already ${current.status}.`);
}

/** Takes one step of the request's life (`SWAP_STEPS`): from the statuses it allows, to where it leads. */
export function stepSwapRequest(tx: Tx, id: string, step: SwapStep, set: Partial<SwapRow>, now: Date): Promise<SwapRow> {
  return transitionSwapRequest(tx, id, SWAP_STEPS[step].from, SWAP_STEPS[step].to, set, now);
}

export async function lockSwapRequest(tx: Tx, id: string): Promise<SwapRow> {
  const [row] = await tx.select().from(swapRequests).where(eq(swapRequests.id, id)).for("update");
  if (!row) throw new NotFoundError("Swap request");
  return row;
}

/** The 409 of a request whose shift instance the rotation has moved (flagged, or found so when applied). */
export const ROTATION_CHANGED = "The rotation changed since this request was made: it is flagged; ask again for the shift as it is now.";
