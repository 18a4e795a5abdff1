"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState, formLevelMessage } from "@/lib/actions/action-state";

const AUDIENCES = [
  ["owner", "Owner"],
  ["management", "Management"],
  ["partner", "Partner"],
  ["vendor", "Vendor"],
  ["customer", "Customer"],
  ["legal", "Legal"],
] as const;

export type TemplateValues = { id: string; audience: string; name: string; subject: string; body: string; clientId: string | null };

/** A message template: Handlebars {{variables}}, rendered in strict mode when an update is sent. */
export function TemplateForm({ clientId, clientName, values, action }: { clientId: string; clientName: string; values?: TemplateValues; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, idleState);
  const err = (f: string) => fieldError(state, f);
  return (
    <ActionForm action={formAction} state={state} className="grid gap-3 sm:grid-cols-2" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      {values && <input type="hidden" name="templateId" value={values.id} />}
      {state.status !== "idle" && (
        <div className="sm:col-span-2">
          <FormMessage state={formLevelMessage(state)} />
        </div>
      )}
      <Field label="Name" error={err("name")}>
        <Input name="name" defaultValue={values?.name} maxLength={120} required />
      </Field>
      <Field label="Audience" error={err("audience")}>
        <Select name="audience" defaultValue={values?.audience ?? "customer"}>
          {AUDIENCES.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      {!values && (
        <Field label="For" className="sm:col-span-2">
          <Select name="scope" defaultValue="client">
            <option value="client">{clientName} only (wins over the shared one)</option>
            <option value="all">Every client</option>
          </Select>
        </Field>
      )}
      <Field label="Subject" className="sm:col-span-2" error={err("subject")}>
        <Input name="subject" defaultValue={values?.subject} maxLength={300} required />
      </Field>
      <Field label="Body" className="sm:col-span-2" error={err("body")}>
        <Textarea name="body" rows={7} defaultValue={values?.body} maxLength={20000} className="font-mono text-sm" />
      </Field>
      <div className="flex justify-end sm:col-span-2">
        <SubmitButton pendingLabel="Saving…">{values ? "Save template" : "Add template"}</SubmitButton>
      </div>
    </ActionForm>
  );
}
