"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { HolidaysEditor } from "@/components/holidays-editor";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import type { BusinessHours } from "@/lib/core/business-hours";
import type { SlaTargets } from "@/lib/core/reports/types";
import { BusinessHoursEditor } from "./business-hours-editor";
import { SlaTargetsEditor } from "./sla-targets-editor";

export type ClientFormValues = {
  clientId?: string;
  name: string;
  timeZone: string;
  businessHours: BusinessHours;
  holidays: { date: string; name: string }[];
  notes: string;
  slaTargets: SlaTargets;
  teamIds: string[];
  stakeholderIds: string[];
};

type Option = { id: string; name: string; hint?: string };

/** The action's field errors below `field`, keyed by the rest of their path ("slaTargets.high.resolveMinutes" → "high.resolveMinutes"). */
function errorsUnder(state: ActionState, field: string): Record<string, string> {
  if (state.status !== "error") return {};
  const prefix = `${field}.`;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(state.fieldErrors)) {
    if (path === field) out[""] = message;
    else if (path.startsWith(prefix)) out[path.slice(prefix.length)] = message;
  }
  return out;
}

export function ClientForm({
  action: serverAction,
  values,
  timeZones,
  teams,
  stakeholders,
  submitLabel,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  values: ClientFormValues;
  timeZones: string[];
  teams: Option[];
  stakeholders: Option[];
  submitLabel: string;
}) {
  const [state, action] = useActionState(serverAction, idleState);
  return (
    <ActionForm action={action} state={state} noValidate>
      {values.clientId && <input type="hidden" name="clientId" value={values.clientId} />}
      <Card>
        <CardContent className="space-y-6 pt-6">
          <FormMessage state={state.status === "idle" ? undefined : { status: state.status, message: state.message }} />
          <div className="grid gap-6 sm:grid-cols-2">
            <Field label="Client name" error={fieldError(state, "name")} required>
              <Input id="name" name="name" defaultValue={values.name} maxLength={120} placeholder="e.g. Acme Dental" />
            </Field>
            <Field label="Time zone" error={fieldError(state, "timeZone")} hint="Business hours and holidays are in this zone." required>
              <TimeZoneSelect id="timeZone" name="timeZone" defaultValue={values.timeZone} timeZones={timeZones} />
            </Field>
          </div>
          <BusinessHoursEditor name="businessHours" defaultValue={values.businessHours} error={fieldError(state, "businessHours")} />
          <HolidaysEditor name="holidays" defaultValue={values.holidays} hint="Days without business hours: medium and low alerts wait until the next working day." error={fieldError(state, "holidays")} />
          <SlaTargetsEditor name="slaTargets" defaultValue={values.slaTargets} errors={errorsUnder(state, "slaTargets")} />
          {teams.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">Teams that work for this client</legend>
              <p className="mt-1 text-sm text-slate-500">Their engineers can see this client.</p>
              <div className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
                {teams.map((t) => (
                  <label key={t.id} className="flex items-center gap-2 text-sm text-slate-800">
                    <input type="checkbox" name="teamIds" value={t.id} defaultChecked={values.teamIds.includes(t.id)} className="size-4 rounded border-slate-300 text-indigo-600" />
                    {t.name}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {stakeholders.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">Stakeholders</legend>
              <p className="mt-1 text-sm text-slate-500">Client contacts who may read this client&apos;s incident status and reports.</p>
              {fieldError(state, "stakeholderIds") && (
                <p role="alert" className="mt-2 text-sm text-red-600">
                  {fieldError(state, "stakeholderIds")}
                </p>
              )}
              <div className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
                {stakeholders.map((s) => (
                  <label key={s.id} className="flex items-center gap-2 text-sm text-slate-800">
                    <input type="checkbox" name="stakeholderIds" value={s.id} defaultChecked={values.stakeholderIds.includes(s.id)} className="size-4 rounded border-slate-300 text-indigo-600" />
                    {s.name} {s.hint && <span className="text-slate-500">({s.hint})</span>}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <Field label="Notes" optional error={fieldError(state, "notes")} hint="Internal: never shown to the client's stakeholders.">
            <Textarea id="notes" name="notes" rows={3} defaultValue={values.notes} maxLength={5000} />
          </Field>
        </CardContent>
        <CardFooter className="justify-end">
          <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        </CardFooter>
      </Card>
    </ActionForm>
  );
}
