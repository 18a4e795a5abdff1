"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState, type ActionState, formLevelMessage } from "@/lib/actions/action-state";

const ROLES = [
  ["owner", "Owner"],
  ["management", "Management"],
  ["partner", "Partner"],
  ["vendor", "Vendor"],
  ["customer", "Customer"],
  ["legal", "Legal"],
] as const;

export type ContactValues = { id?: string; name: string; role: string; email: string | null; phone: string | null; preferredChannel: string; whenToCall: string };

/** Add or edit one stakeholder contact. */
export function ContactForm({ clientId, values, action, submitLabel }: { clientId: string; values?: ContactValues; action: (s: ActionState, f: FormData) => Promise<ActionState>; submitLabel: string }) {
  const [state, formAction] = useActionState(action, idleState);
  const err = (f: string) => fieldError(state, f);
  return (
    <ActionForm action={formAction} state={state} className="grid gap-3 sm:grid-cols-2" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      {values?.id && <input type="hidden" name="contactId" value={values.id} />}
      {state.status !== "idle" && (
        <div className="sm:col-span-2">
          <FormMessage state={formLevelMessage(state)} />
        </div>
      )}
      <Field label="Name" error={err("name")}>
        <Input name="name" defaultValue={values?.name} maxLength={120} required />
      </Field>
      <Field label="Role" error={err("role")}>
        <Select name="role" defaultValue={values?.role ?? "owner"}>
          {ROLES.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Email" optional error={err("email")}>
        <Input name="email" type="email" defaultValue={values?.email ?? ""} maxLength={254} />
      </Field>
      <Field label="Phone" optional error={err("phone")}>
        <Input name="phone" type="tel" defaultValue={values?.phone ?? ""} maxLength={30} />
      </Field>
      <Field label="Preferred channel" error={err("preferredChannel")}>
        <Select name="preferredChannel" defaultValue={values?.preferredChannel ?? "email"}>
          <option value="email">Email</option>
          <option value="phone">Phone</option>
          <option value="sms">SMS</option>
        </Select>
      </Field>
      <Field label="When to call" optional error={err("whenToCall")}>
        <Input name="whenToCall" defaultValue={values?.whenToCall} maxLength={500} placeholder="P1 any time; otherwise business hours" />
      </Field>
      <div className="flex justify-end sm:col-span-2">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      </div>
    </ActionForm>
  );
}
