"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { PRIORITIES, type Priority } from "@/lib/core/alerts/priority-rules";
import type { SlaTarget, SlaTargets } from "@/lib/core/reports/types";

const LABELS: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };
const KINDS = [
  { key: "acknowledgeMinutes", label: "Acknowledge within" },
  { key: "resolveMinutes", label: "Resolve within" },
] as const;

type Draft = Record<Priority, Record<keyof SlaTarget, string>>;

const toDraft = (targets: SlaTargets): Draft =>
  Object.fromEntries(PRIORITIES.map((p) => [p, { acknowledgeMinutes: targets[p]?.acknowledgeMinutes?.toString() ?? "", resolveMinutes: targets[p]?.resolveMinutes?.toString() ?? "" }])) as Draft;

/** Empty boxes are "no target"; a priority with neither target is left out. Non-numbers go to the server as they are, to be refused there. */
function toTargets(draft: Draft): Record<string, Record<string, number | string | null>> {
  const out: Record<string, Record<string, number | string | null>> = {};
  for (const p of PRIORITIES) {
    const read = (v: string) => (v.trim() === "" ? null : Number.isFinite(Number(v)) ? Number(v) : v);
    const target = { acknowledgeMinutes: read(draft[p].acknowledgeMinutes), resolveMinutes: read(draft[p].resolveMinutes) };
    if (target.acknowledgeMinutes !== null || target.resolveMinutes !== null) out[p] = target;
  }
  return out;
}

/**
 * SLA targets per priority (minutes to acknowledge and to resolve); posts JSON in one hidden field.
 * `errors` are the server's messages under this field ("high.acknowledgeMinutes" → message).
 */
export function SlaTargetsEditor({ name, defaultValue, errors = {} }: { name: string; defaultValue: SlaTargets; errors?: Record<string, string> }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(defaultValue));
  const errorId = `${name}-error`;
  const messages = Object.entries(errors).map(([path, message]) => {
    const [p, kind] = path.split(".") as [Priority | undefined, string | undefined];
    const where = p && p in LABELS ? `${LABELS[p]} priority${kind ? `, ${KINDS.find((k) => k.key === kind)?.label.toLowerCase() ?? kind}` : ""}: ` : "";
    return `${where}${message}`;
  });
  const error = messages.length ? messages.join(" ") : undefined;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-900">SLA targets</legend>
      <p className="mt-1 text-sm text-slate-500">Minutes from the alert to acknowledgement and to resolution, per priority. Leave a box empty for no target. The response report lists every breach.</p>
      <input type="hidden" name={name} value={JSON.stringify(toTargets(draft))} />
      {error && (
        <p id={errorId} role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
      <div className="mt-3 grid max-w-xl grid-cols-[minmax(4.5rem,auto)_1fr_1fr] items-center gap-x-3 gap-y-2">
        <span aria-hidden />
        {KINDS.map((k) => (
          <span key={k.key} aria-hidden className="text-xs font-medium text-slate-600">
            {k.label}
          </span>
        ))}
        {PRIORITIES.map((p) => (
          <div key={p} role="group" aria-label={`${LABELS[p]} priority`} className="contents">
            <span className="text-sm font-medium text-slate-800">{LABELS[p]}</span>
            {KINDS.map((k) => (
              <label key={k.key} className="relative block">
                <span className="sr-only">
                  {LABELS[p]} priority: {k.label.toLowerCase()} (minutes)
                </span>
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  value={draft[p][k.key]}
                  onChange={(e) => setDraft((d) => ({ ...d, [p]: { ...d[p], [k.key]: e.target.value } }))}
                  className="pr-10 tabular-nums"
                  aria-invalid={errors[`${p}.${k.key}`] ? true : undefined}
                  aria-describedby={errors[`${p}.${k.key}`] ? errorId : undefined}
                />
                <span aria-hidden className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-xs text-slate-500">
                  min
                </span>
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
