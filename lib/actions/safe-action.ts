import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import type { Ctx } from "@/lib/context";
import { BatonError, InvalidError } from "@/lib/errors";
import type { ActionState } from "./action-state";

export type ActionOutcome = { message?: string; secret?: string; redirectTo?: string; revalidate?: string[] };

/**
 * The one wrapper every server action goes through: loads the signed-in person into `ctx`
 * (or redirects to sign-in), runs the use case (which checks the permission and parses the
 * input with zod), and maps expected errors to an ActionState for `useActionState`.
 */
export function safeAction(run: (ctx: Ctx, form: FormData) => Promise<ActionOutcome | void>) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const ctx = await requireSessionCtx();
    let outcome: ActionOutcome | void;
    try {
      outcome = await run(ctx, form);
    } catch (e) {
      if (e instanceof BatonError) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of e.issues ?? []) fieldErrors[issue.path] ??= issue.message;
        const message = Object.keys(fieldErrors).length > 0 ? "Please correct the highlighted fields." : e.message;
        return { status: "error", code: e.code, message, fieldErrors };
      }
      throw e;
    }
    for (const path of outcome?.revalidate ?? []) revalidatePath(path);
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return { status: "success", message: outcome?.message ?? "Saved.", secret: outcome?.secret };
  };
}

/** FormData → plain input: repeated names become arrays, named fields hold JSON from rich editors. */
export function formInput(form: FormData, opts: { arrays?: string[]; json?: string[] } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    if (opts.arrays?.includes(key)) out[key] = [...((out[key] as string[]) ?? []), value];
    else if (opts.json?.includes(key)) {
      try {
        out[key] = JSON.parse(value);
      } catch {
        throw InvalidError.field(key, "Could not read this field");
      }
    } else out[key] = value;
  }
  for (const key of opts.arrays ?? []) out[key] ??= [];
  return out;
}
