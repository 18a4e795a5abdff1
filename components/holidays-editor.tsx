"use client";

import { useState } from "react";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { Holiday } from "@/lib/http/common-schemas";

/** A holiday calendar (a client's or a team's), replaced as a whole; posts JSON in one hidden field. `hint` says what the days mean. */
export function HolidaysEditor({ name, defaultValue, hint, error }: { name: string; defaultValue: Holiday[]; hint: string; error?: string }) {
  const [list, setList] = useState<Holiday[]>(defaultValue);
  const [draft, setDraft] = useState<Holiday>({ date: "", name: "" });
  const add = () => {
    if (!draft.date) return;
    setList((l) => [...l, draft].sort((a, b) => a.date.localeCompare(b.date)));
    setDraft({ date: "", name: "" });
  };
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-900">Holidays</legend>
      <p className="mt-1 text-sm text-slate-500">{hint}</p>
      <input type="hidden" name={name} value={JSON.stringify(list)} />
      {list.length > 0 && (
        <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Holidays">
          {list.map((h, i) => (
            <li key={`${h.date}-${i}`} className="flex items-center justify-between gap-3 px-4 py-2">
              <span className="text-sm">
                <span className="font-medium tabular-nums text-slate-900">{h.date}</span>
                {h.name && <span className="text-slate-600"> · {h.name}</span>}
              </span>
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove holiday ${h.date}`} onClick={() => setList((l) => l.filter((_, j) => j !== i))}>
                <X className="size-4" aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <label className="text-xs font-medium text-slate-600">
          Date
          <input
            type="date"
            value={draft.date}
            onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value }))}
            aria-label="Holiday date"
            className="mt-1 block h-9 rounded-md border border-slate-300 px-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          />
        </label>
        <label className="min-w-40 flex-1 text-xs font-medium text-slate-600">
          Name
          <input
            type="text"
            value={draft.name}
            maxLength={120}
            onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            aria-label="Holiday name"
            placeholder="e.g. Thanksgiving"
            className="mt-1 block h-9 w-full rounded-md border border-slate-300 px-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          />
        </label>
        <Button type="button" variant="secondary" onClick={add} disabled={!draft.date}>
          <Plus className="size-4" aria-hidden /> Add holiday
        </Button>
      </div>
      {error && (
        <p id={`${name}-error`} role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
