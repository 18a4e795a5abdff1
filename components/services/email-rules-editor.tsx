"use client";

import { useState } from "react";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EMAIL_ACTIONS } from "@/lib/core/alerts/email-rules";

type EmailRule = { name: string; subject: string; body: string; action: (typeof EMAIL_ACTIONS)[number] };
const control = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none aria-invalid:border-red-500";

/** Ordered rules for the email integration; posts the list as JSON in one hidden field. */
export function EmailRulesEditor({ name, defaultValue, errors }: { name: string; defaultValue: EmailRule[]; errors: Record<string, string> }) {
  const [rules, setRules] = useState<EmailRule[]>(defaultValue);
  const err = (path: string) => errors[`${name}.${path}`];
  const update = (i: number, patch: Partial<EmailRule>) => setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="space-y-3">
      <input type="hidden" name={name} value={JSON.stringify(rules)} />
      {rules.length === 0 && <p className="text-sm text-slate-600">No rules: every email triggers, and mails with the same subject (after RE:, PROBLEM:, RESOLVED: …) join one alert.</p>}
      <ol className="space-y-3" aria-label="Email rules">
        {rules.map((r, i) => (
          <li key={i} className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto]">
            <label className="text-xs font-medium text-slate-600">
              Name
              <input className={`${control} mt-1 block w-full`} value={r.name} maxLength={120} aria-label={`Email rule ${i + 1} name`} aria-invalid={!!err(`${i}.name`)} onChange={(e) => update(i, { name: e.target.value })} />
            </label>
            <label className="text-xs font-medium text-slate-600">
              Then
              <select className={`${control} mt-1 block w-full`} value={r.action} aria-label={`Email rule ${i + 1} action`} onChange={(e) => update(i, { action: e.target.value as EmailRule["action"] })}>
                <option value="trigger">Trigger</option>
                <option value="resolve">Resolve</option>
                <option value="ignore">Ignore</option>
              </select>
            </label>
            <div className="flex items-end">
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove email rule ${i + 1}`} onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}>
                <X className="size-4" aria-hidden />
              </Button>
            </div>
            <label className="text-xs font-medium text-slate-600 sm:col-span-3">
              Subject matches (regex)
              <input className={`${control} mt-1 block w-full font-mono`} value={r.subject} maxLength={300} placeholder="^\*\* RECOVERY .*: (?<key>\S+) is" aria-label={`Email rule ${i + 1} subject pattern`} aria-invalid={!!err(`${i}.subject`)} onChange={(e) => update(i, { subject: e.target.value })} />
            </label>
            <label className="text-xs font-medium text-slate-600 sm:col-span-3">
              Body matches (regex)
              <input className={`${control} mt-1 block w-full font-mono`} value={r.body} maxLength={300} aria-label={`Email rule ${i + 1} body pattern`} aria-invalid={!!err(`${i}.body`)} onChange={(e) => update(i, { body: e.target.value })} />
            </label>
            {(err(`${i}.name`) || err(`${i}.subject`) || err(`${i}.body`)) && <p className="text-xs text-red-600 sm:col-span-3">{err(`${i}.name`) ?? err(`${i}.subject`) ?? err(`${i}.body`)}</p>}
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-500">A named group <code>(?&lt;key&gt;…)</code> in a pattern becomes the dedup key, so a recovery mail resolves the alert its problem mail opened.</p>
      <Button type="button" variant="secondary" onClick={() => setRules((rs) => [...rs, { name: "", subject: "", body: "", action: "trigger" }])} disabled={rules.length >= 30}>
        <Plus className="size-4" aria-hidden /> Add email rule
      </Button>
    </div>
  );
}
