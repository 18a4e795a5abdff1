import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect, RedirectType } from "next/navigation";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import type { Ctx } from "@/lib/context";
import { BatonError } from "@/lib/errors";

/**
 * For one-button forms (remove, revoke, disable): runs the use case and reloads `page`; an
 * expected error comes back as `?error=` for the page to show, never as a crash. A success on
 * a page still showing an earlier error goes back to the page without it (replacing the history
 * entry), so the old error doesn't linger next to the new result.
 */
export function plainAction(page: string | ((form: FormData) => string), run: (ctx: Ctx, form: FormData) => Promise<string | void>) {
  return async (form: FormData): Promise<void> => {
    const ctx = await requireSessionCtx();
    const back = typeof page === "string" ? page : page(form);
    let target: string | void;
    try {
      target = await run(ctx, form);
    } catch (e) {
      if (e instanceof BatonError) redirect(`${back}?error=${encodeURIComponent(e.message)}`);
      throw e;
    }
    revalidatePath(back);
    if (target) redirect(target);
    if (await showsError()) redirect(back, RedirectType.replace);
  };
}

/** True when the form was sent from a page whose address carries `?error=`. */
async function showsError(): Promise<boolean> {
  const referer = (await headers()).get("referer");
  if (!referer) return false;
  try {
    return new URL(referer).searchParams.has("error");
  } catch {
    return false;
  }
}
