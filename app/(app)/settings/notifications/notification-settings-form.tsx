"use client";

import { useActionState, useState } from "react";
import { BellRing, Mail, MonitorSmartphone } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { updateNotificationSettingsAction } from "./actions";

type Channel = { enabled: boolean; delayMinutes: number };

export function NotificationSettingsForm(props: { email: Channel; push: Channel; repeatEveryMinutes: number; shiftReminders: boolean; hasDevices: boolean }) {
  const [state, action] = useActionState(updateNotificationSettingsAction, idleState);
  // Controlled: React resets a form after its action, and an error must show what was typed.
  const [repeat, setRepeat] = useState(String(props.repeatEveryMinutes));
  const [reminders, setReminders] = useState(props.shiftReminders);
  return (
    <ActionForm action={action} state={state} className="space-y-6" noValidate>
      <FormMessage state={state.status === "idle" ? undefined : { status: state.status, message: state.message }} />
      <fieldset className="space-y-1">
        <legend className="mb-2 text-sm font-medium text-fg">Channels</legend>
        <ul className="divide-y divide-border rounded-lg border border-border">
          <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <span className="flex min-w-0 flex-[1_1_15rem] items-center gap-3">
              <BellRing className="size-4 shrink-0 text-brand-600" aria-hidden />
              <span className="min-w-0">
                <span className="block text-sm font-medium text-fg">In-app alarm</span>
                <span className="block text-[0.8125rem] text-fg-muted">Rings in every open Baton tab as soon as your level is notified.</span>
              </span>
            </span>
            <Badge variant="brand" className="ml-7 sm:ml-0">
              Always on · right away
            </Badge>
          </li>
          <ChannelRow name="email" label="Email" icon={<Mail className="size-4 shrink-0 text-brand-600" aria-hidden />} description="With links to open or acknowledge the incident." initial={props.email} state={state} />
          <ChannelRow
            name="push"
            label="Push"
            icon={<MonitorSmartphone className="size-4 shrink-0 text-brand-600" aria-hidden />}
            description={props.hasDevices ? "To every device you enabled below." : "No device enabled yet: enable push below, or it is skipped."}
            initial={props.push}
            state={state}
          />
        </ul>
      </fieldset>
      <Field label="Repeat until read" error={fieldError(state, "repeatEveryMinutes")} hint="Email and push are sent again at this interval until you read or acknowledge the page (1–60 minutes).">
        <div className="flex items-center gap-2">
          <Input id="repeat-every" name="repeatEveryMinutes" type="number" inputMode="numeric" min={1} max={60} step={1} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} className="w-24" aria-label="Repeat every (minutes)" />
          <span className="text-sm text-fg-muted">minutes</span>
        </div>
      </Field>
      <Checkbox name="shiftReminders" checked={reminders} onChange={(e) => setReminders(e.currentTarget.checked)} label="Shift reminders" description="An email an hour before each of your shifts starts, and a Monday-morning summary of your week." />
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">Save notification settings</SubmitButton>
      </div>
    </ActionForm>
  );
}

function ChannelRow({ name, label, icon, description, initial, state }: { name: "email" | "push"; label: string; icon: React.ReactNode; description: string; initial: Channel; state: ActionState }) {
  const [enabled, setEnabled] = useState(initial.enabled);
  const [delay, setDelay] = useState(String(initial.delayMinutes));
  const error = fieldError(state, `${name}DelayMinutes`);
  const delayId = `${name}-delay`;
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <span className="flex min-w-0 flex-[1_1_15rem] items-center gap-3">
        {icon}
        <span className="min-w-0">
          <span className="block text-sm font-medium text-fg">{label}</span>
          <span className="block text-[0.8125rem] text-fg-muted">{description}</span>
        </span>
      </span>
      <span className="ml-7 flex items-center gap-3 sm:ml-0">
        <Checkbox name={`${name}Enabled`} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} label="On" aria-label={`${label} on`} />
        <label htmlFor={delayId} className="flex items-center gap-2 text-sm text-fg-muted">
          after
          <Input
            id={delayId}
            name={`${name}DelayMinutes`}
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            step={1}
            value={delay}
            onChange={(e) => setDelay(e.currentTarget.value)}
            readOnly={!enabled}
            aria-label={`${label} delay (minutes after the level is notified)`}
            aria-invalid={error ? true : undefined}
            className="w-20 read-only:bg-surface-muted read-only:text-fg-subtle"
          />
          min
        </label>
      </span>
      {error ? (
        <p role="alert" className="basis-full text-[0.8125rem] font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}
