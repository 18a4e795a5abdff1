"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";

/** An internal note on an incident's timeline (stakeholders never see notes). */
export function NoteForm({ incidentId, action }: { incidentId: string; action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="incidentId" value={incidentId} />
      <FormMessage state={state.status === "error" && !fieldError(state, "body") ? { status: "error", message: state.message } : undefined} />
      <Field label="Add a note" hint="Internal: visible to the MSP's staff, never to client stakeholders." error={fieldError(state, "body")}>
        <Textarea id="note-body" name="body" rows={3} maxLength={5000} placeholder="What you found, what you did, what comes next" />
      </Field>
      <div className="flex justify-end">
        <SubmitButton variant="secondary" pendingLabel="Adding…">
          Add note
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
