"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth/config";
import { checkSignInRequest } from "@/lib/auth/request-sign-in";
import { BatonError } from "@/lib/errors";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";

export type SignInState = { status: "idle" | "error"; message?: string; fieldErrors?: Record<string, string>; email?: string };

/** Same answer for known and unknown addresses: only the mailbox tells them apart. */
export async function requestSignInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    const decision = await checkSignInRequest(await getDb(), requestMetaFromHeaders(await headers()), { email, callbackUrl: form.get("callbackUrl") ?? undefined }, new Date());
    if (decision.send) await signIn("email", { email: decision.email, redirect: false, redirectTo: decision.callbackUrl });
  } catch (e) {
    if (e instanceof BatonError) {
      const fieldErrors = Object.fromEntries((e.issues ?? []).map((i) => [i.path, i.message]));
      return { status: "error", message: e.code === "invalid" ? "Check the address." : e.message, fieldErrors, email };
    }
    throw e;
  }
  redirect(`/signin/check-email?email=${encodeURIComponent(email.trim().toLowerCase())}`);
}
