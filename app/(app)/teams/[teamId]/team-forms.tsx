"use client";

import { useActionState } from "react";
import { HolidaysEditor } from "@/components/holidays-editor";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import type { Holiday } from "@/lib/http/common-schemas";
import { addTeamMemberAction, updateTeamAction } from "../actions";

const message = (state: ActionState) => (state.status === "idle" ? undefined : { status: state.status, message: state.message });

/** What a team's holidays mean, shown by the editor on the new-team and team pages. */
export const TEAM_HOLIDAYS_HINT = "On-call hours on these days weigh the most in fairness (three times an office hour by default), on every schedule of this team, together with the holidays of the schedule's client.";

/** Name, description and holiday calendar of a team. */
export function TeamDetailsForm({ teamId, name, description, holidays }: { teamId: string; name: string; description: string; holidays: Holiday[] }) {
  const [state, action] = useActionState(updateTeamAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-5" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <FormMessage state={message(state)} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" error={fieldError(state, "name")}>
          <Input id="team-name" name="name" defaultValue={name} maxLength={120} />
        </Field>
        <Field label="Description" optional error={fieldError(state, "description")}>
          <Textarea id="team-description" name="description" defaultValue={description} rows={2} maxLength={500} />
        </Field>
      </div>
      <HolidaysEditor name="holidays" defaultValue={holidays} hint={TEAM_HOLIDAYS_HINT} error={fieldError(state, "holidays")} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function AddMemberForm({ teamId, candidates }: { teamId: string; candidates: { id: string; name: string }[] }) {
  const [state, action] = useActionState(addTeamMemberAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <FormMessage state={message(state)} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Add a member" error={fieldError(state, "userId")} className="flex-1">
          <Select id="add-member" name="userId" defaultValue="" placeholder="Choose a person">
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <label className="flex items-center gap-2 pb-2.5 text-sm text-slate-700">
          <input type="checkbox" name="isLead" className="size-4 rounded border-slate-300 text-indigo-600" /> Lead
        </label>
        <SubmitButton pendingLabel="Adding…">Add</SubmitButton>
      </div>
    </ActionForm>
  );
}
