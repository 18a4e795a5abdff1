"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState } from "@/lib/actions/action-state";
import { inviteUserAction } from "./actions";

export function InviteForm({ roles, timeZones, clients, defaultTimeZone }: { roles: { value: string; label: string }[]; timeZones: string[]; clients: { id: string; name: string }[]; defaultTimeZone: string }) {
  const [state, action] = useActionState(inviteUserAction, idleState);
  const [role, setRole] = useState("engineer");
  return (
    <ActionForm action={action} state={state} className="space-y-4" noValidate key={state.status === "success" ? state.message : "form"}>
      <FormMessage state={state.status === "idle" ? undefined : { status: state.status, message: state.message }} />
      <Field label="Email" error={fieldError(state, "email")} required>
        <Input id="invite-email" name="email" type="email" autoComplete="off" placeholder="name@company.com" />
      </Field>
      <Field label="Name" error={fieldError(state, "name")} required>
        <Input id="invite-name" name="name" autoComplete="off" maxLength={120} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Role" error={fieldError(state, "role")}>
          <Select id="invite-role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Time zone" error={fieldError(state, "timeZone")}>
          <TimeZoneSelect id="invite-tz" name="timeZone" defaultValue={defaultTimeZone} timeZones={timeZones} />
        </Field>
      </div>
      {role === "stakeholder" && clients.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium text-slate-900">Clients they belong to</legend>
          {fieldError(state, "clientIds") && (
            <p role="alert" className="mt-1 text-sm text-red-600">
              {fieldError(state, "clientIds")}
            </p>
          )}
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {clients.map((c) => (
              <label key={c.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="clientIds" value={c.id} className="size-4 rounded border-slate-300 text-indigo-600" />
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Inviting…">Send invitation</SubmitButton>
      </div>
    </ActionForm>
  );
}
