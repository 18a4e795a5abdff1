"use client";

import { useActionState } from "react";
import { Mail } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestSignInAction, type SignInState } from "./actions";

export function SignInForm({ email, callbackUrl }: { email?: string; callbackUrl?: string }) {
  const [state, action] = useActionState<SignInState, FormData>(requestSignInAction, { status: "idle" });
  return (
    <ActionForm action={action} className="space-y-5" noValidate>
      {state.status === "error" && state.message && !state.fieldErrors?.email && <Alert variant="danger">{state.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <Field label="Work email" error={state.fieldErrors?.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus defaultValue={state.email ?? email} placeholder="you@company.com" />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Sending link…">
        <Mail className="size-4" aria-hidden /> Email me a sign-in link
      </SubmitButton>
    </ActionForm>
  );
}
