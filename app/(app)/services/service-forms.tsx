"use client";

import { useActionState } from "react";
import Link from "next/link";
import { KeyRound, Plus } from "lucide-react";
import { EmailRulesEditor } from "@/components/services/email-rules-editor";
import { PriorityRulesEditor } from "@/components/services/priority-rules-editor";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState, type ActionState, formLevelMessage } from "@/lib/actions/action-state";
import type { EmailRule, PriorityRule } from "@/lib/core/alerts";
import {
  createHeartbeatAction,
  createIntegrationKeyAction,
  createMaintenanceWindowAction,
  createServiceAction,
  saveClientAlertPolicyAction,
  saveEmailRulesAction,
  saveServicePriorityRulesAction,
  updateServiceAction,
} from "./actions";

type Option = { id: string; name: string };
const message = (state: ActionState) => (state.status === "idle" ? undefined : { status: state.status, message: state.message });
const errorsOf = (state: ActionState) => (state.status === "error" ? state.fieldErrors : {});

export function ServiceForm({ clients, teams, policies, values }: { clients?: Option[]; teams: Option[]; policies: Option[]; values?: { serviceId: string; name: string; description: string; teamId: string; escalationPolicyId: string | null } }) {
  const [state, action] = useActionState(values ? updateServiceAction : createServiceAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-4" noValidate>
      {values && <input type="hidden" name="serviceId" value={values.serviceId} />}
      <FormMessage state={message(state)} />
      <Field label="Service name" error={fieldError(state, "name")} hint="What is monitored, e.g. “Acme Dental Servers”.">
        <Input id="service-name" name="name" defaultValue={values?.name} maxLength={120} />
      </Field>
      <Field label="Description" optional error={fieldError(state, "description")}>
        <Input id="service-description" name="description" defaultValue={values?.description} maxLength={500} />
      </Field>
      {clients && (
        <Field label="Client" error={fieldError(state, "clientId")}>
          <Select id="service-client" name="clientId" defaultValue="" placeholder="Choose a client">
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Team" error={fieldError(state, "teamId")} hint="Who responds. The team must work for the client.">
        <Select id="service-team" name="teamId" defaultValue={values?.teamId ?? ""} placeholder="Choose a team">
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Escalation policy"
        error={fieldError(state, "escalationPolicyId")}
        hint={
          <>
            Who is paged, in what order.{" "}
            <Link href="/escalation-policies" className="font-medium text-brand-700 hover:underline">
              Policies
            </Link>
          </>
        }
      >
        <Select id="service-policy" name="escalationPolicyId" defaultValue={values ? (values.escalationPolicyId ?? "") : (policies[0]?.id ?? "")}>
          <option value="">None: tell the failover contacts at once</option>
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">{values ? "Save" : "Create service"}</SubmitButton>
      </div>
    </ActionForm>
  );
}

function Secret({ state, testId }: { state: ActionState; testId: string }) {
  if (state.status !== "success" || !state.secret) return <FormMessage state={formLevelMessage(state, { withSuccess: false })} />;
  return (
    <Alert variant="success" title={state.message}>
      <code data-testid={testId} className="mt-2 block rounded-md bg-white/80 px-3 py-2 font-mono text-xs break-all text-slate-900 select-all">
        {state.secret}
      </code>
    </Alert>
  );
}

export function CreateKeyForm({ serviceId }: { serviceId: string }) {
  const [state, action] = useActionState(createIntegrationKeyAction, idleState);
  return (
    <div className="space-y-3">
      <Secret state={state} testId="new-routing-key" />
      <ActionForm action={action} state={state} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <input type="hidden" name="serviceId" value={serviceId} />
        <Field label="Key name" error={fieldError(state, "name")} className="flex-1" hint="Where it is used, e.g. “Prometheus” or “Nagios mail”.">
          <Input id="key-name" name="name" maxLength={120} />
        </Field>
        <SubmitButton pendingLabel="Creating…" className="sm:mb-6">
          <KeyRound className="size-4" aria-hidden /> Create key
        </SubmitButton>
      </ActionForm>
    </div>
  );
}

export function ServicePriorityRulesForm({ serviceId, rules }: { serviceId: string; rules: PriorityRule[] }) {
  const [state, action] = useActionState(saveServicePriorityRulesAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-4" noValidate>
      <input type="hidden" name="serviceId" value={serviceId} />
      <FormMessage state={message(state)} />
      <PriorityRulesEditor name="rules" defaultValue={rules.map((r) => ({ name: r.name, priority: r.priority, conditions: r.conditions }))} errors={errorsOf(state)} />
      <div className="flex justify-end">
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save priority rules
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export function ClientAlertPolicyForm({ clientId, rules, lowPriority }: { clientId: string; rules: PriorityRule[]; lowPriority: "page" | "record" }) {
  const [state, action] = useActionState(saveClientAlertPolicyAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-5" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      <FormMessage state={message(state)} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Low-priority alerts</legend>
        <div className="mt-2 space-y-2 text-sm text-slate-700">
          <label className="flex items-start gap-2">
            <input type="radio" name="lowPriority" value="page" defaultChecked={lowPriority === "page"} className="mt-0.5 size-4" /> Page in business hours (outside them, wait for the next business-hours start)
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="lowPriority" value="record" defaultChecked={lowPriority === "record"} className="mt-0.5 size-4" /> Record only, never page
          </label>
        </div>
      </fieldset>
      <div>
        <p className="mb-2 text-sm font-medium text-slate-900">Client rules</p>
        <PriorityRulesEditor name="rules" defaultValue={rules.map((r) => ({ name: r.name, priority: r.priority, conditions: r.conditions }))} errors={errorsOf(state)} />
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function EmailRulesForm({ serviceId, rules }: { serviceId: string; rules: EmailRule[] }) {
  const [state, action] = useActionState(saveEmailRulesAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-4" noValidate>
      <input type="hidden" name="serviceId" value={serviceId} />
      <FormMessage state={message(state)} />
      <EmailRulesEditor name="emailRules" defaultValue={rules} errors={errorsOf(state)} />
      <div className="flex justify-end">
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save email rules
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export function MaintenanceForm({ serviceId, defaultStart, timeZone }: { serviceId: string; defaultStart: string; timeZone: string }) {
  const [state, action] = useActionState(createMaintenanceWindowAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="serviceId" value={serviceId} />
      <FormMessage state={message(state)} />
      <div className="grid gap-3">
        <Field label="Starts" error={fieldError(state, "startsAt")} hint={`Your time zone (${timeZone}).`}>
          <Input id="maintenance-start" name="startsLocal" type="datetime-local" defaultValue={defaultStart} />
        </Field>
        <Field label="Hours" error={fieldError(state, "hours") ?? fieldError(state, "endsAt")}>
          <Input id="maintenance-hours" name="hours" type="number" min={0.25} max={744} step={0.25} defaultValue={2} className="max-w-32" />
        </Field>
      </div>
      <Field label="Reason" optional error={fieldError(state, "reason")}>
        <Input id="maintenance-reason" name="reason" maxLength={500} placeholder="e.g. Firmware upgrade" />
      </Field>
      <div className="flex justify-end">
        <SubmitButton variant="secondary" pendingLabel="Scheduling…">
          <Plus className="size-4" aria-hidden /> Schedule maintenance
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export function HeartbeatForm({ serviceId }: { serviceId: string }) {
  const [state, action] = useActionState(createHeartbeatAction, idleState);
  return (
    <div className="space-y-3">
      <Secret state={state} testId="new-ping-url" />
      <ActionForm action={action} state={state} className="space-y-3" noValidate>
        <input type="hidden" name="serviceId" value={serviceId} />
        <Field label="Heartbeat name" error={fieldError(state, "name")}>
          <Input id="heartbeat-name" name="name" maxLength={120} placeholder="e.g. Nightly backup job" />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Every (minutes)" error={fieldError(state, "intervalMinutes")}>
            <Input id="heartbeat-interval" name="intervalMinutes" type="number" min={1} max={10080} defaultValue={60} />
          </Field>
          <Field label="Grace (minutes)" error={fieldError(state, "graceMinutes")}>
            <Input id="heartbeat-grace" name="graceMinutes" type="number" min={0} max={1440} defaultValue={5} />
          </Field>
        </div>
        <div className="flex justify-end">
          <SubmitButton variant="secondary" pendingLabel="Creating…">
            <Plus className="size-4" aria-hidden /> Add heartbeat
          </SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}
