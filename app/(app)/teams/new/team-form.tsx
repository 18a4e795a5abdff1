"use client";

import { useActionState } from "react";
import { HolidaysEditor } from "@/components/holidays-editor";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState } from "@/lib/actions/action-state";
import { TEAM_HOLIDAYS_HINT } from "../[teamId]/team-forms";
import { createTeamAction } from "../actions";

export type Candidate = { id: string; name: string; email: string; role: string };

export function NewTeamForm({ candidates }: { candidates: Candidate[] }) {
  const [state, action] = useActionState(createTeamAction, idleState);
  return (
    <ActionForm action={action} state={state} noValidate>
      <Card>
        <CardContent className="space-y-6 pt-6">
          <FormMessage state={state.status === "error" ? { status: "error", message: state.message } : undefined} />
          <Field label="Team name" error={fieldError(state, "name")} required>
            <Input id="name" name="name" placeholder="e.g. Service Desk" maxLength={120} />
          </Field>
          <Field label="Description" optional error={fieldError(state, "description")}>
            <Textarea id="description" name="description" rows={2} placeholder="What this team looks after" maxLength={500} />
          </Field>
          <fieldset>
            <legend className="text-sm font-medium text-slate-900">Members</legend>
            <p className="mt-1 text-sm text-slate-500">Tick who belongs to the team; leads get failover emails when nobody answers a page.</p>
            {fieldError(state, "memberIds") && (
              <p role="alert" className="mt-2 text-sm text-red-600">
                {fieldError(state, "memberIds")}
              </p>
            )}
            <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200">
              {candidates.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <label className="flex min-w-0 items-center gap-3">
                    <input type="checkbox" name="memberIds" value={c.id} className="size-4 rounded border-slate-300 text-indigo-600 focus-visible:ring-2 focus-visible:ring-indigo-500" />
                    <span className="min-w-0">
                      <span className="block truncate text-sm font-medium text-slate-900">{c.name}</span>
                      <span className="block truncate text-xs text-slate-500">{c.email}</span>
                    </span>
                  </label>
                  <label className="flex items-center gap-2 text-sm text-slate-600">
                    <input type="checkbox" name="leadIds" value={c.id} className="size-4 rounded border-slate-300 text-indigo-600" aria-label={`${c.name} is a lead`} />
                    Lead
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <HolidaysEditor name="holidays" defaultValue={[]} hint={TEAM_HOLIDAYS_HINT} error={fieldError(state, "holidays")} />
        </CardContent>
        <CardFooter className="justify-end">
          <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
        </CardFooter>
      </Card>
    </ActionForm>
  );
}
