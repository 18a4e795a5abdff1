"use client";

import { useActionState } from "react";
import { usePathname } from "next/navigation";
import { ShieldAlert } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";

/**
 * On an incident's 404, for admins: it may be a confidential incident they have no need to know.
 * Breaking the glass asks why, and the reason is audited and shown on the incident's timeline.
 */
export function BreakGlassForm({ action }: { action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, idleState);
  const incidentId = usePathname().split("/")[2] ?? "";
  return (
    <ActionForm action={formAction} state={state} className="mt-8 space-y-3 rounded-lg border border-amber-200 bg-amber-50/60 p-4 text-left" noValidate>
      <p className="flex items-center gap-2 text-sm font-semibold text-amber-900">
        <ShieldAlert className="size-4" aria-hidden /> Admins: break the glass
      </p>
      <p className="text-sm text-amber-900/80">If this is a confidential incident, you can read it for an hour. Your reason is audited and shown to its participants.</p>
      <input type="hidden" name="incidentId" value={incidentId} />
      <FormMessage state={state.status === "error" && !fieldError(state, "reason") ? { status: "error", message: state.message } : undefined} />
      <Field label="Reason" error={fieldError(state, "reason")}>
        <Textarea id="break-glass-reason" name="reason" rows={2} maxLength={1000} placeholder="e.g. Legal hold request from counsel, ticket 4411" />
      </Field>
      <div className="flex justify-end">
        <SubmitButton variant="danger" size="sm" pendingLabel="Opening…">
          Break the glass
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
