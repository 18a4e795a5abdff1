"use client";

import { useActionState } from "react";
import { KeyRound } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState } from "@/lib/actions/action-state";
import { createTokenAction } from "../actions";

export function CreateTokenForm() {
  const [state, action] = useActionState(createTokenAction, idleState);
  return (
    <div className="space-y-4">
      {state.status === "success" && state.secret ? (
        <Alert variant="success" title={state.message}>
          <code data-testid="new-token" className="mt-2 block rounded-md bg-white/80 px-3 py-2 font-mono text-xs break-all text-slate-900 select-all">
            {state.secret}
          </code>
        </Alert>
      ) : (
        <FormMessage state={state.status === "error" ? { status: "error", message: state.message } : undefined} />
      )}
      <ActionForm action={action} state={state} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <Field label="Token name" error={fieldError(state, "name")} className="flex-1" hint="Say where it is used, e.g. “Grafana” or “reporting script”.">
          <Input id="token-name" name="name" maxLength={120} />
        </Field>
        <SubmitButton pendingLabel="Creating…" className="sm:mb-6">
          <KeyRound className="size-4" aria-hidden /> Create token
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
