"use client";

import { useActionState, useState } from "react";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import type { IncidentTypeOutput } from "@/lib/workspace/schemas";

type Step = { key: number; title: string; detail: string; section: string };

/** Edits a type's checklist template: steps with a section, title and detail; add, remove, reorder. */
export function IncidentTypeEditor({ type, action }: { type: IncidentTypeOutput; action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, idleState);
  const [steps, setSteps] = useState<Step[]>(() => type.steps.map((s, i) => ({ key: i, title: s.title, detail: s.detail ?? "", section: s.section ?? "" })));
  const [next, setNext] = useState(type.steps.length);
  const update = (i: number, patch: Partial<Step>) => setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, d: -1 | 1) =>
    setSteps((all) => {
      const out = [...all];
      const [s] = out.splice(i, 1);
      out.splice(i + d, 0, s!);
      return out;
    });
  return (
    <ActionForm action={formAction} state={state} className="space-y-4" noValidate>
      <input type="hidden" name="typeId" value={type.id} />
      <input type="hidden" name="steps" value={JSON.stringify(steps.map(({ title, detail, section }) => ({ title, detail, section })))} />
      <FormMessage state={state.status === "idle" ? undefined : state.status === "success" ? state : { status: "error", message: fieldError(state, "steps") ?? state.message }} />
      <ol className="space-y-3" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s.key}>
            <Card>
              <CardContent className="space-y-2 pt-4">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="w-6 text-sm text-slate-400 tabular-nums">{i + 1}.</span>
                  <Input aria-label={`Step ${i + 1} section`} value={s.section} onChange={(e) => update(i, { section: e.target.value })} placeholder="Section" className="w-40" maxLength={80} />
                  <Input aria-label={`Step ${i + 1} title`} value={s.title} onChange={(e) => update(i, { title: e.target.value })} placeholder="What to do" className="min-w-0 flex-1" maxLength={300} aria-invalid={!!fieldError(state, `steps.${i}.title`)} />
                  <span className="flex gap-1">
                    <Button type="button" size="icon" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>
                      <ArrowUp className="size-4" aria-hidden />
                    </Button>
                    <Button type="button" size="icon" variant="ghost" disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>
                      <ArrowDown className="size-4" aria-hidden />
                    </Button>
                    <Button type="button" size="icon" variant="ghost" onClick={() => setSteps((all) => all.filter((_, j) => j !== i))} aria-label={`Remove step ${i + 1}`}>
                      <Trash2 className="size-4" aria-hidden />
                    </Button>
                  </span>
                </div>
                {fieldError(state, `steps.${i}.title`) && <p className="text-sm text-red-600">{fieldError(state, `steps.${i}.title`)}</p>}
                <Textarea aria-label={`Step ${i + 1} detail`} value={s.detail} onChange={(e) => update(i, { detail: e.target.value })} rows={2} placeholder="How, with what, and what to record" maxLength={2000} />
              </CardContent>
            </Card>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap justify-between gap-2">
        <Button
          type="button"
          variant="outline"
          onClick={() => {
            setSteps((all) => [...all, { key: next, title: "", detail: "", section: all[all.length - 1]?.section ?? "" }]);
            setNext((n) => n + 1);
          }}
        >
          <Plus className="size-4" aria-hidden /> Add step
        </Button>
        <SubmitButton pendingLabel="Saving…">Save template</SubmitButton>
      </div>
    </ActionForm>
  );
}
