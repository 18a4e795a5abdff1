import type { ErrorCode } from "@/lib/errors";

/** What a server action returns to `useActionState`: success, or an error with messages per field. */
export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string; secret?: string }
  | { status: "error"; code: ErrorCode; message: string; fieldErrors: Record<string, string> };

export const idleState: ActionState = { status: "idle" };

/** The error for a field: an exact path match, else the first error under it ("businessHours.mon.0.end"). */
export function fieldError(state: ActionState, field: string): string | undefined {
  if (state.status !== "error") return undefined;
  if (state.fieldErrors[field]) return state.fieldErrors[field];
  const key = Object.keys(state.fieldErrors).find((k) => k.startsWith(`${field}.`));
  return key ? state.fieldErrors[key] : undefined;
}

/** The message for the whole form: success, or an error no field shows (errors on fields stand by their fields). */
export function formLevelMessage(state: ActionState, { withSuccess = true } = {}): { status: "success" | "error"; message: string } | undefined {
  if (state.status === "success") return withSuccess ? state : undefined;
  if (state.status === "error" && Object.keys(state.fieldErrors).length === 0) return { status: "error", message: state.message };
  return undefined;
}
