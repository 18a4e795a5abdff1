"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState } from "@/lib/actions/action-state";
import { updateProfileAction } from "./actions";

export function ProfileForm({ name, timeZone, phone, timeZones }: { name: string; timeZone: string; phone: string; timeZones: string[] }) {
  const [state, action] = useActionState(updateProfileAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-5" noValidate>
      <FormMessage state={state.status === "idle" ? undefined : { status: state.status, message: state.message }} />
      <Field label="Name" error={fieldError(state, "name")} required>
        <Input id="profile-name" name="name" defaultValue={name} maxLength={120} />
      </Field>
      <Field label="Time zone" error={fieldError(state, "timeZone")} hint="Your shifts, reminders and sleep hours are shown in this zone.">
        <TimeZoneSelect id="profile-tz" name="timeZone" defaultValue={timeZone} timeZones={timeZones} />
      </Field>
      <Field label="Phone" optional error={fieldError(state, "phone")} hint="For your team leads; Baton pages by email, in-app alarm and push.">
        <Input id="profile-phone" name="phone" type="tel" defaultValue={phone} placeholder="+1 555 010 0000" />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
      </div>
    </ActionForm>
  );
}
