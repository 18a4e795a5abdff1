"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import type { WorkspaceView } from "@/lib/workspace/load-workspace";
import { STATUS_PHASE_LABELS } from "@/lib/workspace/schemas";
import { formatDateTime } from "@/lib/format/date-time";
import { currentPhase } from "./status-phase";

const PHASE_VARIANT = { investigating: "danger", identified: "warning", monitoring: "info", resolved: "success" } as const;

/** Status updates (investigating → identified → monitoring → resolved): public, shown to the client's stakeholders. A resolved incident shows as resolved, whatever the last update said. */
export function StatusUpdatesPanel({ incidentId, incidentStatus, view, timeZone, post }: { incidentId: string; incidentStatus: string; view: WorkspaceView; timeZone: string; post: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(post, idleState);
  const latest = view.statusUpdates[0];
  const now = currentPhase(latest?.phase, incidentStatus);
  const fmt = (iso: string) => formatDateTime(iso, timeZone);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Status</CardTitle>
        <CardDescription>
          {now ? (
            <>
              Now <Badge variant={PHASE_VARIANT[now.phase]}>{STATUS_PHASE_LABELS[now.phase]}</Badge> · {now.fromUpdate ? "updates are shown to the client's stakeholders" : "the incident is resolved, and its stakeholders see it resolved"}
            </>
          ) : (
            "No status update yet; stakeholders see what you post here."
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {view.canRespond && (
          <ActionForm key={`${latest?.id ?? "none"}-${incidentStatus}`} action={formAction} state={state} className="space-y-3" noValidate>
            <input type="hidden" name="incidentId" value={incidentId} />
            <FormMessage state={state.status === "error" && !fieldError(state, "message") && !fieldError(state, "phase") ? { status: "error", message: state.message } : undefined} />
            <Field label="Phase" error={fieldError(state, "phase")}>
              <Select id="status-phase" name="phase" defaultValue={incidentStatus === "resolved" ? "resolved" : (latest?.phase ?? "investigating")}>
                {Object.entries(STATUS_PHASE_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Message" error={fieldError(state, "message")}>
              <Textarea id="status-message" name="message" rows={3} maxLength={5000} placeholder="What we know, what we are doing, when the next update comes" />
            </Field>
            <div className="flex justify-end">
              <SubmitButton variant="secondary" size="sm" pendingLabel="Posting…">
                Post update
              </SubmitButton>
            </div>
          </ActionForm>
        )}
        {view.statusUpdates.length > 0 && (
          <ol className="space-y-3 border-t border-slate-100 pt-4" aria-label="Status updates">
            {view.statusUpdates.map((u) => (
              <li key={u.id} className="text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge variant={PHASE_VARIANT[u.phase]}>{STATUS_PHASE_LABELS[u.phase]}</Badge>
                  <time dateTime={u.at} className="text-xs text-slate-500">
                    {fmt(u.at)}
                  </time>
                  {u.author && <span className="text-xs text-slate-500">· {u.author.name}</span>}
                </div>
                <p className="mt-1 break-words whitespace-pre-wrap text-slate-700">{u.message}</p>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
