import type { SwapStatus } from "@/db/schema";

/**
 * The life of a swap or cover request: each step, the statuses it may start from and where it
 * leaves the request. Nothing changes the schedule before "approved", so until then the
 * requester may still withdraw it: while it waits for an answer ("pending") and while, accepted,
 * it waits for a manager ("accepted": only a request that needs approval stays there). A request
 * the rotation moved under it (flagged) is not accepted nor approved; it is cancelled or rejected.
 *
 *   pending ──accept──▶ accepted ──approve──▶ approved ──revert──▶ reverted
 *      │  └─(no approval needed: accept and approve at once)─▲
 *      ├──decline──▶ declined          accepted ──reject──▶ rejected
 *      └──cancel───▶ cancelled ◀──cancel── accepted
 *
 * Pure (no database): the inbox's buttons read it as the use cases do.
 */
export const SWAP_STEPS = {
  accept: { from: ["pending"], to: "accepted" },
  decline: { from: ["pending"], to: "declined" },
  cancel: { from: ["pending", "accepted"], to: "cancelled" },
  approve: { from: ["accepted"], to: "approved" },
  reject: { from: ["accepted"], to: "rejected" },
  revert: { from: ["approved"], to: "reverted" },
} as const satisfies Record<string, { from: readonly SwapStatus[]; to: SwapStatus }>;

export type SwapStep = keyof typeof SWAP_STEPS;

/** Whether `step` may be taken from `status` (who may take it is each use case's to say). */
export function stepAllowed(step: SwapStep, status: SwapStatus): boolean {
  return (SWAP_STEPS[step].from as readonly SwapStatus[]).includes(status);
}
