"use client";

import { useState } from "react";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { WEEKDAY_KEYS, type BusinessHours, type WeekdayKey } from "@/lib/core/business-hours";

const DAY_NAMES: Record<WeekdayKey, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

/** Windows per weekday; posts the whole value as JSON in one hidden field named `name`. */
export function BusinessHoursEditor({ name, defaultValue, error }: { name: string; defaultValue: BusinessHours; error?: string }) {
  const [hours, setHours] = useState<BusinessHours>(defaultValue);
  const update = (day: WeekdayKey, windows: BusinessHours[WeekdayKey]) => setHours((h) => ({ ...h, [day]: windows }));
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-900">Business hours</legend>
      <p className="mt-1 text-sm text-slate-500">In the client&apos;s time zone. Several windows a day are allowed (e.g. a lunch break).</p>
      <input type="hidden" name={name} value={JSON.stringify(hours)} />
      <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200">
        {WEEKDAY_KEYS.map((day) => {
          const windows = hours[day];
          const open = windows.length > 0;
          return (
            <li key={day} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start">
              <label className="flex w-36 shrink-0 items-center gap-2 pt-1.5 text-sm font-medium text-slate-800">
                <input
                  type="checkbox"
                  checked={open}
                  onChange={(e) => update(day, e.target.checked ? [{ start: "08:00", end: "18:00" }] : [])}
                  className="size-4 rounded border-slate-300 text-indigo-600"
                  aria-label={`${DAY_NAMES[day]} open`}
                />
                {DAY_NAMES[day]}
              </label>
              <div className="flex flex-1 flex-col gap-2">
                {!open && <span className="pt-1.5 text-sm text-slate-400">Closed</span>}
                {windows.map((w, i) => (
                  <div key={i} className="flex flex-wrap items-center gap-2">
                    <input
                      type="time"
                      value={w.start}
                      aria-label={`${DAY_NAMES[day]} window ${i + 1} opens`}
                      onChange={(e) => update(day, windows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))}
                      className="h-9 rounded-md border border-slate-300 px-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
                    />
                    <span className="text-slate-400">–</span>
                    <input
                      type="time"
                      value={w.end === "24:00" ? "23:59" : w.end}
                      aria-label={`${DAY_NAMES[day]} window ${i + 1} closes`}
                      onChange={(e) => update(day, windows.map((x, j) => (j === i ? { ...x, end: e.target.value === "23:59" ? "24:00" : e.target.value } : x)))}
                      className="h-9 rounded-md border border-slate-300 px-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
                    />
                    <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${DAY_NAMES[day]} window ${i + 1}`} onClick={() => update(day, windows.filter((_, j) => j !== i))}>
                      <X className="size-4" aria-hidden />
                    </Button>
                  </div>
                ))}
                {open && windows.length < 6 && (
                  <button
                    type="button"
                    className="inline-flex w-fit items-center gap-1 text-xs font-medium text-indigo-600 hover:underline"
                    onClick={() => update(day, [...windows, { start: "13:00", end: "17:00" }])}
                  >
                    <Plus className="size-3.5" aria-hidden /> Add a window
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {error && (
        <p id={`${name}-error`} role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
