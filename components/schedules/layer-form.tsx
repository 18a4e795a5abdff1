"use client";

import { useActionState, useId, useState } from "react";
import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import type { ScheduleOutput } from "@/lib/schedules/schemas";
import { WEEKDAYS, describeHandoff, describeRestrictions, describeShiftLength, formatInstant, toLocalInputValue } from "./format";
import type { FormAction, Person } from "./shift-forms";

type Layer = ScheduleOutput["layers"][number];
type Window = { key: number; weekdays: number[]; start: string; end: string };
type Unit = Layer["shiftUnit"];

/** Ordered participants: the rotation goes down this list. */
function ParticipantPicker({ people, value, onChange, error }: { people: Person[]; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const addId = useId();
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? "Unknown";
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  const available = people.filter((p) => !value.includes(p.id));
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">People, in rotation order</legend>
      {value.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border-strong px-3 py-4 text-center text-sm text-slate-500">Nobody yet: add the people who take turns.</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-border" aria-label="Rotation order">
          {value.map((id, i) => (
            <li key={id} className="flex items-center gap-2 px-3 py-2">
              <input type="hidden" name="participantIds" value={id} />
              <span className="w-5 text-right text-xs tabular-nums text-slate-500">{i + 1}.</span>
              <Avatar name={name(id)} size="sm" decorative />
              <span className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900">{name(id)}</span>
              <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={`Move ${name(id)} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                <ArrowUp aria-hidden />
              </Button>
              <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={`Move ${name(id)} down`} disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                <ArrowDown aria-hidden />
              </Button>
              <Button type="button" variant="ghost" size="icon" className="size-8 text-slate-500 hover:text-red-700" aria-label={`Remove ${name(id)}`} onClick={() => onChange(value.filter((x) => x !== id))}>
                <X aria-hidden />
              </Button>
            </li>
          ))}
        </ol>
      )}
      {error ? (
        <p role="alert" className="text-[0.8125rem] font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {available.length > 0 && (
        <div className="grid gap-1.5">
          <label htmlFor={addId} className="text-[0.8125rem] text-slate-600">
            Add a person
          </label>
          <Select
            id={addId}
            value=""
            onChange={(e) => {
              if (e.target.value) onChange([...value, e.target.value]);
            }}
          >
            <option value="">Choose someone to add…</option>
            {available.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
      )}
    </fieldset>
  );
}

/** Weekday/time windows in which the layer has someone on call; none = around the clock. Each window shows its own error (`windowError`, by position). */
function RestrictionsEditor({ value, onChange, error, windowError }: { value: Window[]; onChange: (w: Window[]) => void; error?: string; windowError: (index: number) => string | undefined }) {
  const update = (key: number, patch: Partial<Window>) => onChange(value.map((w) => (w.key === key ? { ...w, ...patch } : w)));
  const nextKey = () => Math.max(0, ...value.map((w) => w.key)) + 1;
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">When this layer is on call</legend>
      <p className="text-[0.8125rem] text-slate-600">
        {value.length === 0 ? "Around the clock. Add time windows for business-hours or weekend layers; outside them, lower layers (or a gap) apply." : "Only inside these windows (local time). An end before the start runs past midnight."}
      </p>
      {value.map((w, i) => (
        <div key={w.key} className="grid gap-3 rounded-lg border border-border p-3" role="group" aria-label={`Window ${i + 1}`}>
          <div className="flex flex-wrap gap-1.5">
            {WEEKDAYS.map((d) => {
              const on = w.weekdays.includes(d.value);
              return (
                <label
                  key={d.value}
                  className="relative inline-flex h-8 min-w-11 cursor-pointer items-center justify-center rounded-md border border-border-strong px-2 text-xs font-medium text-slate-700 has-checked:border-brand-600 has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-brand-500"
                >
                  <input
                    type="checkbox"
                    className="sr-only"
                    aria-label={`Window ${i + 1} ${d.long}`}
                    checked={on}
                    onChange={() => update(w.key, { weekdays: on ? w.weekdays.filter((x) => x !== d.value) : [...w.weekdays, d.value].sort((a, b) => a - b) })}
                  />
                  {d.short}
                </label>
              );
            })}
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <label className="grid gap-1 text-[0.8125rem] text-slate-600">
              From
              <Input type="time" className="w-32" aria-label={`Window ${i + 1} starts`} value={w.start} onChange={(e) => update(w.key, { start: e.target.value })} />
            </label>
            <label className="grid gap-1 text-[0.8125rem] text-slate-600">
              To
              <Input type="time" className="w-32" aria-label={`Window ${i + 1} ends`} value={w.end} onChange={(e) => update(w.key, { end: e.target.value })} />
            </label>
            <Button type="button" variant="ghost" size="sm" className="text-slate-600 hover:text-red-700" onClick={() => onChange(value.filter((x) => x.key !== w.key))}>
              <X aria-hidden /> Remove window
            </Button>
          </div>
          {windowError(i) ? (
            <p role="alert" className="text-[0.8125rem] font-medium text-red-700">
              {windowError(i)}
            </p>
          ) : null}
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-[0.8125rem] font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="button" variant="outline" size="sm" onClick={() => onChange([...value, { key: nextKey(), weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" }])}>
          <Plus aria-hidden /> Add a time window
        </Button>
      </div>
    </fieldset>
  );
}

/**
 * When an edit takes effect: now, at the layer's next handoff (so nobody's shift is cut short),
 * or at a chosen moment. A change already planned ahead is offered first, as planned.
 */
function EffectiveFromPicker({ layer, timeZone, error }: { layer: Layer; timeZone: string; error?: string }) {
  const planned = layer.effectiveFrom;
  const handoff = layer.nextHandoff;
  const [choice, setChoice] = useState(planned ?? "");
  const when = (iso: string) => formatInstant(iso, timeZone, { withZone: true });
  return (
    <div className="grid gap-4">
      <Field label="Changes take effect" hint={planned ? `A change is already planned for ${when(planned)}; saving replaces it.` : "Shifts before then keep the current rotation."} error={choice === "custom" ? undefined : error}>
        <Select id="layer-effective" name="effective" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {planned ? <option value={planned}>As planned, {when(planned)}</option> : null}
          <option value="">Now</option>
          {handoff && handoff !== planned ? <option value={handoff}>At the next handoff, {when(handoff)}</option> : null}
          <option value="custom">On a date and time…</option>
        </Select>
      </Field>
      {choice === "custom" ? (
        <Field label="Takes effect at" hint={`Local time in ${timeZone.replaceAll("_", " ")}`} error={error} required className="sm:max-w-xs">
          <Input id="layer-effective-at" name="effectiveAt" type="datetime-local" defaultValue={handoff || planned ? toLocalInputValue((handoff ?? planned)!, timeZone) : undefined} />
        </Field>
      ) : null}
    </div>
  );
}

/** Adds a rotation layer to a schedule, or edits one. */
export function LayerForm({
  scheduleId,
  timeZone,
  layer,
  people,
  defaultStartDate,
  action,
  onDone,
}: {
  scheduleId: string;
  timeZone: string;
  layer?: Layer;
  people: Person[];
  defaultStartDate: string;
  action: FormAction;
  onDone: (message: string) => void;
}) {
  const [state, formAction] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await action(prev, form);
    if (next.status === "success") onDone(next.message);
    return next;
  }, idleState);
  const [participants, setParticipants] = useState<string[]>(layer?.participants.map((p) => p.userId) ?? []);
  const [unit, setUnit] = useState<Unit>(layer?.shiftUnit ?? "weeks");
  const [count, setCount] = useState(String(layer?.shiftCount ?? 1));
  const [handoffTime, setHandoffTime] = useState(layer?.handoffTime ?? "09:00");
  const [weekday, setWeekday] = useState(String(layer?.handoffWeekday ?? 1));
  const [windows, setWindows] = useState<Window[]>(() => (layer?.restrictions ?? []).map((r, i) => ({ key: i + 1, ...r })));
  // Participants the layer already has stay choosable even if no longer in the people list.
  const known = [...people, ...(layer?.participants ?? []).filter((p) => !people.some((x) => x.id === p.userId)).map((p) => ({ id: p.userId, name: p.name }))];
  const summary = `${describeShiftLength({ shiftUnit: unit, shiftCount: Number(count) || 1 })}, handoff ${describeHandoff({ shiftUnit: unit, handoffTime, handoffWeekday: unit === "weeks" ? Number(weekday) : null })} ${timeZone.replaceAll("_", " ")} · ${describeRestrictions(windows)}`;

  return (
    <ActionForm action={formAction} state={state} className="grid gap-5" noValidate>
      <input type="hidden" name="scheduleId" value={scheduleId} />
      {layer && <input type="hidden" name="layerId" value={layer.id} />}
      <input type="hidden" name="zone" value={timeZone} />
      <input type="hidden" name="restrictions" value={JSON.stringify(windows.map(({ weekdays, start, end }) => ({ weekdays, start, end })))} />
      <FormMessage state={state.status === "error" ? { status: "error", message: state.message } : undefined} />
      <Field label="Layer name" error={fieldError(state, "name")} required>
        <Input id="layer-name" name="name" defaultValue={layer?.name ?? (people.length ? "Primary" : "")} maxLength={120} />
      </Field>
      <ParticipantPicker people={known} value={participants} onChange={setParticipants} error={fieldError(state, "participantIds")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Shift length" error={fieldError(state, "shiftCount")} required>
          <Input id="layer-count" name="shiftCount" type="number" inputMode="numeric" min={1} max={52} value={count} onChange={(e) => setCount(e.target.value)} />
        </Field>
        <Field label="Unit" error={fieldError(state, "shiftUnit")} required>
          <Select id="layer-unit" name="shiftUnit" value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
            <option value="hours">Hours</option>
            <option value="days">Days</option>
            <option value="weeks">Weeks</option>
          </Select>
        </Field>
        <Field label="Handoff time" hint={`Local time in ${timeZone.replaceAll("_", " ")}`} error={fieldError(state, "handoffTime")} required>
          <Input id="layer-handoff-time" name="handoffTime" type="time" value={handoffTime} onChange={(e) => setHandoffTime(e.target.value)} />
        </Field>
        {unit === "weeks" ? (
          <Field label="Handoff day" error={fieldError(state, "handoffWeekday")} required>
            <Select id="layer-handoff-day" name="handoffWeekday" value={weekday} onChange={(e) => setWeekday(e.target.value)}>
              {WEEKDAYS.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.long}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label="Starts on" hint={layer ? "The first handoff is on or after this date; the first person takes it." : "The first handoff is on or after this date; the first person takes it. A date in the past sets who is on call now; the layer holds from when you add it."} error={fieldError(state, "startDate")} required>
          <Input id="layer-start" name="startDate" type="date" defaultValue={layer?.startDate ?? defaultStartDate} />
        </Field>
      </div>
      <RestrictionsEditor
        value={windows}
        onChange={setWindows}
        error={state.status === "error" ? state.fieldErrors.restrictions : undefined}
        windowError={(i) => fieldError(state, `restrictions.${i}`)}
      />
      {layer ? <EffectiveFromPicker layer={layer} timeZone={timeZone} error={fieldError(state, "effectiveFrom")} /> : null}
      <p className="rounded-md bg-slate-50 px-3 py-2 text-[0.8125rem] text-slate-600" aria-live="polite">
        {summary}
      </p>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">{layer ? "Save layer" : "Add layer"}</SubmitButton>
      </div>
    </ActionForm>
  );
}
