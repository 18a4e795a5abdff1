"use client";

import { useActionState, useState } from "react";
import { Palmtree } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { formatDateRange } from "./format";
import type { FormAction, Person } from "./shift-forms";

export type TimeOffEntry = { id: string; userId: string; name: string; fromDate: string; toDate: string; note: string };

/** Upcoming time off with a form to add some; managers may enter it for anyone. */
export function TimeOffPanel({
  entries,
  people,
  viewerId,
  canManageOthers,
  back,
  today,
  description,
  createAction,
  deleteAction,
}: {
  entries: TimeOffEntry[];
  /** People a manager may enter time off for (empty: only the viewer). */
  people: Person[];
  viewerId: string;
  canManageOthers: boolean;
  /** The page to come back to after removing an entry. */
  back: string;
  today: string;
  description: string;
  createAction: FormAction;
  deleteAction: (form: FormData) => Promise<void>;
}) {
  const [formKey, setFormKey] = useState(0);
  const [state, formAction] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await createAction(prev, form);
    if (next.status === "success") setFormKey((k) => k + 1);
    return next;
  }, idleState);
  const [open, setOpen] = useState(false);

  return (
    <Card className="@container">
      <CardHeader>
        <CardTitle>Time off</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {!open && (
          <Button type="button" size="sm" variant="outline" onClick={() => setOpen(true)}>
            <Palmtree aria-hidden /> Add time off
          </Button>
        )}
        <FormMessage state={state.status === "idle" ? undefined : { status: state.status, message: state.message }} />
        {open && (
          <ActionForm key={formKey} action={formAction} state={state} className="grid gap-4 rounded-lg border border-border bg-surface-muted/50 p-4" noValidate aria-label="Add time off">
            <input type="hidden" name="back" value={back} />
            {canManageOthers && people.length > 0 && (
              <Field label="Person" error={fieldError(state, "userId")}>
                <Select id="time-off-person" name="userId" defaultValue={viewerId}>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.id === viewerId ? `${p.name} (you)` : p.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <div className="grid gap-4 @md:grid-cols-2">
              <Field label="First day off" error={fieldError(state, "fromDate")} required>
                <Input id="time-off-from" name="fromDate" type="date" defaultValue={today} min={today} />
              </Field>
              <Field label="Last day off" error={fieldError(state, "toDate")} required>
                <Input id="time-off-to" name="toDate" type="date" defaultValue={today} min={today} />
              </Field>
            </div>
            <Field label="Note" optional error={fieldError(state, "note")} hint="Whole days in the person's own time zone.">
              <Input id="time-off-note" name="note" maxLength={500} placeholder="e.g. Holiday" />
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                Close
              </Button>
              <SubmitButton pendingLabel="Saving…">Save time off</SubmitButton>
            </div>
          </ActionForm>
        )}
        {entries.length === 0 ? (
          <p className="text-sm text-slate-500">No time off coming up.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Upcoming time off">
            {entries.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-3 py-2.5">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-slate-900">
                    {formatDateRange(t.fromDate, t.toDate, { today })}
                    {canManageOthers && <span className="font-normal text-slate-600"> · {t.userId === viewerId ? "You" : t.name}</span>}
                  </p>
                  {t.note && <p className="truncate text-xs text-slate-500">{t.note}</p>}
                </div>
                {(t.userId === viewerId || canManageOthers) && (
                  <ConfirmDialog
                    action={deleteAction}
                    hidden={{ timeOffId: t.id, back }}
                    title="Remove this time off?"
                    description={`${t.userId === viewerId ? "Your" : `${t.name}'s`} time off ${formatDateRange(t.fromDate, t.toDate, { today })} will no longer be flagged on the schedule.`}
                    confirmLabel="Remove"
                    triggerLabel="Remove"
                    triggerAriaLabel={`Remove time off ${formatDateRange(t.fromDate, t.toDate, { today })}${canManageOthers ? ` (${t.name})` : ""}`}
                    triggerClassName="shrink-0"
                    triggerSize="sm"
                    triggerVariant="ghost"
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
