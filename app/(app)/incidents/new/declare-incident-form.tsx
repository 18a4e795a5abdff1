"use client";

import { useActionState } from "react";
import { Siren } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { declareIncidentAction } from "../actions";

export type DeclarableService = { id: string; name: string; client: { id: string; name: string } };

const message = (state: ActionState) => (state.status === "idle" ? undefined : { status: state.status, message: state.message });

/** Services grouped by client, clients and services by name. */
function byClient(services: DeclarableService[]) {
  const groups = new Map<string, { name: string; services: DeclarableService[] }>();
  for (const s of services) {
    const group = groups.get(s.client.id) ?? { name: s.client.name, services: [] };
    group.services.push(s);
    groups.set(s.client.id, group);
  }
  return [...groups.entries()].sort(([, a], [, b]) => a.name.localeCompare(b.name));
}

export function DeclareIncidentForm({ services }: { services: DeclarableService[] }) {
  const [state, action] = useActionState(declareIncidentAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-4" noValidate>
      <FormMessage state={message(state)} />
      <Field label="Service" error={fieldError(state, "serviceId")} hint="What is affected. Its client's business hours and its escalation policy decide who is paged and when.">
        <Select id="declare-service" name="serviceId" defaultValue={services.length === 1 ? services[0]!.id : ""} placeholder="Choose a service">
          {byClient(services).map(([clientId, group]) => (
            <optgroup key={clientId} label={group.name}>
              {group.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field label="Title" error={fieldError(state, "title")} hint="What is happening, e.g. “Phishing email reported by the front desk”.">
        <Input id="declare-title" name="title" maxLength={1024} />
      </Field>
      <Field label="Priority" error={fieldError(state, "priority")} hint="High pages now. Medium and low wait for the client's business hours when it is outside them. The service's and client's priority rules still apply.">
        <Select id="declare-priority" name="priority" defaultValue="high">
          <option value="high">High</option>
          <option value="medium">Medium</option>
          <option value="low">Low</option>
        </Select>
      </Field>
      <Field label="Details" optional error={fieldError(state, "details")} hint="Who reported it, how, and what is known so far.">
        <Textarea id="declare-details" name="details" rows={6} maxLength={10_000} />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Declaring…">
          <Siren className="size-4" aria-hidden /> Declare incident
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
