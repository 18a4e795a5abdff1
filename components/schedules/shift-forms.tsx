"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { formatRange, toLocalInputValue } from "./format";

export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;
export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };
export type Person = { id: string; name: string };

/** Wraps a server action so `onDone` runs on success (no effect needed to notice it). */
function useFormAction(serverAction: FormAction, onDone: (message: string) => void) {
  return useActionState(async (prev: ActionState, form: FormData) => {
    const next = await serverAction(prev, form);
    if (next.status === "success") onDone(next.message);
    return next;
  }, idleState);
}

const formMessage = (state: ActionState) => (state.status === "error" ? { status: "error", message: state.message } : undefined);

/** A manager puts someone on call for a range (chosen by dragging on the calendar, or a shift's). */
export function OverrideForm({
  scheduleId,
  zone,
  start,
  end,
  people,
  action,
  onDone,
}: {
  scheduleId: string;
  zone: string;
  start: Date;
  end: Date;
  people: Person[];
  action: FormAction;
  onDone: (message: string) => void;
}) {
  const [state, formAction] = useFormAction(action, onDone);
  return (
    <ActionForm action={formAction} state={state} className="grid gap-4" noValidate>
      <input type="hidden" name="scheduleId" value={scheduleId} />
      <input type="hidden" name="zone" value={zone} />
      <FormMessage state={formMessage(state)} />
      <Field label="Who is on call" error={fieldError(state, "userId")} required>
        <Select id="override-user" name="userId" defaultValue="" placeholder="Choose a person">
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Starts" hint={zone.replaceAll("_", " ")} error={fieldError(state, "start")} required>
          <Input id="override-start" name="start" type="datetime-local" defaultValue={toLocalInputValue(start, zone)} />
        </Field>
        <Field label="Ends" hint={zone.replaceAll("_", " ")} error={fieldError(state, "end")} required>
          <Input id="override-end" name="end" type="datetime-local" defaultValue={toLocalInputValue(end, zone)} />
        </Field>
      </div>
      <Field label="Note" optional error={fieldError(state, "note")}>
        <Textarea id="override-note" name="note" rows={2} maxLength={500} placeholder="Why, for whoever looks later" />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Adding…">Add override</SubmitButton>
      </div>
    </ActionForm>
  );
}

type UpcomingShift = { index: number; start: string; end: string };

/**
 * Ask a named colleague to cover or swap (part of) a rotation shift, or offer it to the whole
 * team. Managers may ask on the holder's behalf.
 */
export function SwapRequestForm({
  scheduleId,
  layerId,
  shiftIndex,
  holder,
  onBehalf,
  instance,
  colleagues,
  layerColleagues,
  zone,
  action,
  loadUpcoming,
  onDone,
  nowIso,
}: {
  scheduleId: string;
  layerId: string;
  shiftIndex: number;
  holder: Person;
  onBehalf: boolean;
  /** The whole rotation shift (undefined while loading). */
  instance: { start: string; end: string } | null | undefined;
  /** The viewer's clock: of a shift under way, only what is left can be handed over. */
  nowIso: string;
  /** Who may be asked to cover. */
  colleagues: Person[];
  /** Who may be asked to swap: people with shifts in the same layer. */
  layerColleagues: Person[];
  zone: string;
  action: FormAction;
  loadUpcoming: (layerId: string, userId: string) => Promise<Loaded<UpcomingShift[]>>;
  onDone: (message: string) => void;
}) {
  const [state, formAction] = useFormAction(action, onDone);
  // A shift under way is handed over from now: the part already worked stays its holder's.
  const underWay = Boolean(instance && instance.start < nowIso && nowIso < instance.end);
  const left = instance && underWay ? { start: nowIso, end: instance.end } : instance;
  const [kind, setKind] = useState<"cover" | "swap">("cover");
  const [counterpartId, setCounterpartId] = useState("");
  const [theirs, setTheirs] = useState<Record<string, Loaded<UpcomingShift[]>>>({});
  const [partial, setPartial] = useState(false);

  const fetchTheirs = (userId: string) => {
    if (!userId || theirs[userId]) return;
    void loadUpcoming(layerId, userId).then((result) => setTheirs((cur) => ({ ...cur, [userId]: result })));
  };
  const chooseKind = (next: "cover" | "swap") => {
    setKind(next);
    if (next === "swap" && counterpartId && !layerColleagues.some((p) => p.id === counterpartId)) setCounterpartId("");
    if (next === "swap" && counterpartId) fetchTheirs(counterpartId);
  };
  const chooseCounterpart = (userId: string) => {
    setCounterpartId(userId);
    if (kind === "swap") fetchTheirs(userId);
  };
  const choices = kind === "swap" ? layerColleagues : colleagues;
  const theirShifts = theirs[counterpartId] ?? null;

  return (
    <ActionForm action={formAction} state={state} className="grid gap-4" noValidate>
      <input type="hidden" name="scheduleId" value={scheduleId} />
      <input type="hidden" name="layerId" value={layerId} />
      <input type="hidden" name="shiftIndex" value={shiftIndex} />
      <input type="hidden" name="zone" value={zone} />
      {onBehalf && <input type="hidden" name="onBehalfOf" value={holder.id} />}
      <FormMessage state={formMessage(state)} />
      <p className="text-sm text-slate-600">
        {instance === undefined ? (
          "Loading the whole shift…"
        ) : left ? (
          <>
            {onBehalf ? `${holder.name}'s` : "Your"} shift{underWay ? ", from now" : ""}: <span className="font-medium text-slate-800">{formatRange(left.start, left.end, zone, { withZone: true })}</span>
            {underWay ? " (it is under way: the part already worked stays where it is)" : null}
          </>
        ) : (
          "This shift is no longer in the rotation."
        )}
      </p>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">What do you need?</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(
            [
              ["cover", "Cover", "A colleague takes the shift."],
              ["swap", "Swap", "You take one of their shifts in exchange."],
            ] as const
          ).map(([value, label, hint]) => (
            <label
              key={value}
              className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-border-strong p-3 text-sm has-checked:border-brand-500 has-checked:bg-brand-50/60"
            >
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => chooseKind(value)} className="mt-0.5 size-4 accent-brand-600" />
              <span>
                <span className="block font-medium text-slate-900">{label}</span>
                <span className="block text-slate-600">{hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Ask" error={fieldError(state, "counterpartId") ?? (counterpartId === "" ? fieldError(state, "counterpartShiftIndex") : undefined)} hint={kind === "cover" && counterpartId === "" ? "An open offer goes to everyone on the team; the first to accept takes it." : undefined}>
        <Select id="swap-counterpart" name="counterpartId" value={counterpartId} onChange={(e) => chooseCounterpart(e.target.value)}>
          {kind === "cover" ? <option value="">Anyone on the team (open offer)</option> : <option value="">Choose a colleague</option>}
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      {kind === "swap" && counterpartId && (
        <Field label="Their shift you take in exchange" error={fieldError(state, "counterpartShiftIndex")} required>
          {theirShifts === null ? (
            <p className="text-sm text-slate-500">Loading their shifts…</p>
          ) : !theirShifts.ok ? (
            <p className="text-sm text-red-700">{theirShifts.message}</p>
          ) : theirShifts.data.length === 0 ? (
            <p className="text-sm text-slate-600">They have no upcoming shifts in this layer in the next 12 weeks.</p>
          ) : (
            <Select id="swap-their-shift" name="counterpartShiftIndex" defaultValue="" placeholder="Choose one of their shifts">
              {theirShifts.data.map((s) => (
                <option key={s.index} value={s.index}>
                  {formatRange(s.start, s.end, zone)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Checkbox label="Only part of the shift" description="Leave unticked to hand over the whole shift." checked={partial} onChange={(e) => setPartial(e.target.checked)} />
      {partial && left && (
        <div className="grid gap-4 sm:grid-cols-2">
          {/* Ticked, the part's ends are asked for: a cleared one is an error, not the whole shift. */}
          <input type="hidden" name="part" value="on" />
          <Field label="From" hint={zone.replaceAll("_", " ")} error={fieldError(state, "partStart")} required>
            <Input id="swap-part-start" name="partStart" type="datetime-local" defaultValue={toLocalInputValue(left.start, zone)} />
          </Field>
          <Field label="To" hint={zone.replaceAll("_", " ")} error={fieldError(state, "partEnd")} required>
            <Input id="swap-part-end" name="partEnd" type="datetime-local" defaultValue={toLocalInputValue(left.end, zone)} />
          </Field>
        </div>
      )}
      <Field label="Note" optional error={fieldError(state, "note")}>
        <Textarea id="swap-note" name="note" rows={2} maxLength={500} placeholder="e.g. Family event that weekend" />
      </Field>
      {fieldError(state, "shiftIndex") && <p className="text-sm font-medium text-red-700">{fieldError(state, "shiftIndex")}</p>}
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Sending…">{counterpartId === "" && kind === "cover" ? "Offer to the team" : "Send request"}</SubmitButton>
      </div>
    </ActionForm>
  );
}
