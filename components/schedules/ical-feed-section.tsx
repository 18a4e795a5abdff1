"use client";

import { useActionState } from "react";
import { CalendarPlus, Link2Off } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/actions/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * The secret iCal URL of a schedule or a person. Only its hash is stored, so the URL shows
 * once, when made; making a new one retires the old.
 */
export function IcalFeedSection({ kind, targetId, active, createAction, revokeAction }: { kind: "schedule" | "person"; targetId: string; active: boolean; createAction: Action; revokeAction: Action }) {
  const [created, create] = useActionState(createAction, idleState);
  const [revoked, revoke] = useActionState(revokeAction, idleState);
  const isActive = (active || created.status === "success") && revoked.status !== "success";
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {kind === "schedule" ? "Everyone's shifts on this schedule" : "Your shifts on every schedule"}, one month back to six months ahead, in Google Calendar, Outlook or Apple Calendar.
      </p>
      {created.status === "success" && created.secret ? (
        <Alert variant="success" title="Your calendar URL">
          <code data-testid="ical-url" className="mt-2 block rounded-md bg-white/80 px-3 py-2 font-mono text-xs break-all text-slate-900 select-all">
            {created.secret}
          </code>
          <p className="mt-2 text-xs">{created.message}</p>
        </Alert>
      ) : (
        <FormMessage state={created.status === "error" ? { status: "error", message: created.message } : revoked.status === "idle" ? undefined : { status: revoked.status, message: revoked.message }} />
      )}
      <div className="flex flex-wrap gap-2">
        <ActionForm action={create} state={created}>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="targetId" value={targetId} />
          <SubmitButton variant={isActive ? "outline" : "primary"} size="sm" pendingLabel="Creating…">
            <CalendarPlus className="size-4" aria-hidden /> {isActive ? "Make a new URL (retires the old one)" : "Get a calendar URL"}
          </SubmitButton>
        </ActionForm>
        {isActive && (
          <ActionForm action={revoke} state={revoked}>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="targetId" value={targetId} />
            <Button type="submit" variant="ghost" size="sm">
              <Link2Off className="size-4" aria-hidden /> Revoke
            </Button>
          </ActionForm>
        )}
      </div>
    </div>
  );
}
