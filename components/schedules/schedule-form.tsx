"use client";

import { useActionState } from "react";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";

export type ScheduleFormValues = { scheduleId?: string; name: string; description: string; timeZone: string; teamId: string | null; clientId: string | null };
type Option = { id: string; name: string };

/** Name, zone, team and holiday calendar of a schedule: creates one, or edits it (`values.scheduleId`). */
export function ScheduleForm({
  action: serverAction,
  values,
  timeZones,
  teams,
  clients,
  submitLabel,
  framed = true,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  values: ScheduleFormValues;
  timeZones: string[];
  teams: Option[];
  clients: Option[];
  submitLabel: string;
  /** false inside an existing Card. */
  framed?: boolean;
}) {
  const [state, action] = useActionState(serverAction, idleState);
  const fields = (
    <div className="space-y-5">
      <FormMessage state={state.status === "idle" ? undefined : { status: state.status, message: state.message }} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Schedule name" error={fieldError(state, "name")} required>
          <Input id="schedule-name" name="name" defaultValue={values.name} maxLength={120} placeholder="e.g. Service Desk 24/7" />
        </Field>
        <Field label="Time zone" error={fieldError(state, "timeZone")} hint="Handoffs and restrictions are wall-clock times in this zone." required>
          <TimeZoneSelect id="schedule-time-zone" name="timeZone" defaultValue={values.timeZone} timeZones={timeZones} />
        </Field>
      </div>
      <Field label="Description" optional error={fieldError(state, "description")}>
        <Textarea id="schedule-description" name="description" rows={2} defaultValue={values.description} maxLength={500} placeholder="What this rotation covers" />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Team" optional error={fieldError(state, "teamId")} hint="Its members can take open offers of shifts; its approval rule applies to swaps; its holidays count as heavier on-call time.">
          <Select id="schedule-team" name="teamId" defaultValue={values.teamId ?? ""} placeholder="No team">
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Client for holidays" optional error={fieldError(state, "clientId")} hint="Its holidays count as heavier on-call time too.">
          <Select id="schedule-client" name="clientId" defaultValue={values.clientId ?? ""} placeholder="No client">
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </div>
  );
  return (
    <ActionForm action={action} state={state} noValidate>
      {values.scheduleId && <input type="hidden" name="scheduleId" value={values.scheduleId} />}
      {framed ? (
        <Card>
          <CardContent className="pt-6">{fields}</CardContent>
          <CardFooter>
            <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
          </CardFooter>
        </Card>
      ) : (
        <>
          {fields}
          <div className="mt-5 flex justify-end">
            <SubmitButton variant="secondary" pendingLabel="Saving…">
              {submitLabel}
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
