import * as React from "react";
import { CircleCheck, CircleExclamationPoint } from "lucide-react";
import { cn } from "@/components/ui/cn";

/**
 * Loose action-state shape; any of these work (extra keys such as
 * fieldErrors are ignored):
 *   { ok: false, message: "…" }  { ok: true, message: "Saved" }
 *   { status: "error" | "success" | "ok", message: "…" }
 *   { error: "…" }  { success: "…" }
 */
export type FormMessageState =
  | {
      ok?: boolean;
      status?: string;
      message?: string | null;
      error?: string | null;
      success?: string | null;
      [key: string]: unknown;
    }
  | null
  | undefined;

export type FormMessageProps = {
  state?: FormMessageState;
  /** Explicit error text (wins over `state`). */
  error?: string | null;
  /** Explicit success text (wins over `state`). */
  success?: string | null;
  className?: string;
};

function resolve(state: FormMessageState, error?: string | null, success?: string | null) {
  if (error) return { kind: "error" as const, text: error };
  if (success) return { kind: "success" as const, text: success };
  if (!state) return null;
  if (state.error) return { kind: "error" as const, text: state.error };
  if (state.success) return { kind: "success" as const, text: state.success };
  if (!state.message) return null;
  if (state.ok === false || state.status === "error") return { kind: "error" as const, text: state.message };
  if (state.ok === true || state.status === "success" || state.status === "ok") return { kind: "success" as const, text: state.message };
  return null;
}

/**
 * Form-level result of a server action. Always renders a polite live region
 * (empty when there is nothing to say) so new messages are announced.
 */
export function FormMessage({ state, error, success, className }: FormMessageProps) {
  const message = resolve(state, error, success);
  return (
    <div aria-live="polite" aria-atomic="true" data-slot="form-message" className={message ? undefined : "sr-only"}>
      {message ? (
        <div
          role={message.kind === "error" ? "alert" : undefined}
          className={cn(
            "flex items-start gap-2 rounded-lg border px-3 py-2.5 text-sm leading-5",
            message.kind === "error"
              ? "border-red-200 bg-red-50 text-red-800"
              : "border-emerald-200 bg-emerald-50 text-emerald-800",
            className,
          )}
        >
          {message.kind === "error" ? (
            <CircleExclamationPoint aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-600" />
          ) : (
            <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-600" />
          )}
          <p className="min-w-0">{message.text}</p>
        </div>
      ) : null}
    </div>
  );
}
