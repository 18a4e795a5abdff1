"use client";

import { useActionState } from "react";
import { LogIn, LogOut, UserPlus, X } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import type { WorkspaceView } from "@/lib/workspace/load-workspace";
import { RESPONSE_ROLE_LABELS } from "@/lib/workspace/schemas";

type Props = {
  incidentId: string;
  view: WorkspaceView;
  assign: (state: ActionState, form: FormData) => Promise<ActionState>;
  join: (form: FormData) => Promise<void>;
  remove: (form: FormData) => Promise<void>;
};

/** Who works the incident in which role; the incident manager assigns, anyone joins as responder and leaves. */
export function ParticipantsPanel({ incidentId, view, assign, join, remove }: Props) {
  const [state, formAction] = useActionState(assign, idleState);
  const active = view.participants.filter((p) => !p.leftAt);
  const past = view.participants.filter((p) => p.leftAt);
  const joined = active.some((p) => p.person.id === view.viewerId);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Response roles</CardTitle>
        <CardDescription>Who works this incident, and as what.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {active.length === 0 ? (
          <p className="text-sm text-slate-500">Nobody has joined yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Participants">
            {active.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 text-sm">
                  <span className="font-medium text-slate-900">{p.person.name}</span>{" "}
                  <Badge variant={p.role === "incident_manager" ? "brand" : "neutral"}>{RESPONSE_ROLE_LABELS[p.role]}</Badge>
                </span>
                {(view.canManage || p.person.id === view.viewerId) && (
                  <form action={remove}>
                    <input type="hidden" name="incidentId" value={incidentId} />
                    <input type="hidden" name="participantId" value={p.id} />
                    <Button type="submit" size="sm" variant="ghost" aria-label={p.person.id === view.viewerId ? `Leave (${RESPONSE_ROLE_LABELS[p.role]})` : `Remove ${p.person.name} as ${RESPONSE_ROLE_LABELS[p.role]}`}>
                      {p.person.id === view.viewerId ? <LogOut className="size-4" aria-hidden /> : <X className="size-4" aria-hidden />}
                      {p.person.id === view.viewerId ? "Leave" : "Remove"}
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {past.length > 0 && <p className="text-xs text-slate-500">Earlier: {past.map((p) => `${p.person.name} (${RESPONSE_ROLE_LABELS[p.role].toLowerCase()})`).join(", ")}</p>}
        {view.canRespond && !view.canManage && !active.some((p) => p.role === "incident_manager") && (
          // Nobody is in charge: a responder may take command (the incident manager then assigns the other roles).
          <form action={formAction}>
            <input type="hidden" name="incidentId" value={incidentId} />
            <input type="hidden" name="userId" value={view.viewerId} />
            <input type="hidden" name="role" value="incident_manager" />
            <Button type="submit" variant="outline" size="sm">
              <UserPlus className="size-4" aria-hidden /> Take command as incident manager
            </Button>
          </form>
        )}
        {view.canRespond && !joined && (
          <form action={join}>
            <input type="hidden" name="incidentId" value={incidentId} />
            <Button type="submit" variant="outline" size="sm">
              <LogIn className="size-4" aria-hidden /> Join as responder
            </Button>
          </form>
        )}
        {view.canManage && (
          <ActionForm action={formAction} state={state} className="space-y-3 border-t border-slate-100 pt-4" noValidate>
            <input type="hidden" name="incidentId" value={incidentId} />
            <FormMessage state={state.status === "success" ? state : state.status === "error" && !fieldError(state, "userId") && !fieldError(state, "role") ? { status: "error", message: state.message } : undefined} />
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1">
              <Field label="Person" error={fieldError(state, "userId")}>
                <Select id="assign-user" name="userId" placeholder="Choose a person…" defaultValue="">
                  {view.people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Role" error={fieldError(state, "role")}>
                <Select id="assign-role" name="role" defaultValue="triage_analyst">
                  {Object.entries(RESPONSE_ROLE_LABELS).map(([k, label]) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <div className="flex justify-end">
              <SubmitButton variant="secondary" size="sm" pendingLabel="Assigning…">
                <UserPlus className="size-4" aria-hidden /> Assign role
              </SubmitButton>
            </div>
          </ActionForm>
        )}
      </CardContent>
    </Card>
  );
}
