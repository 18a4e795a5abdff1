"use client";

import { useState } from "react";
import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PRIORITIES, RULE_FIELD_LABELS, RULE_FIELDS, RULE_OP_LABELS, RULE_OPS, type RuleField, type RuleOp } from "@/lib/core/alerts/priority-rules";

type Condition = { field: RuleField; op: RuleOp; value: string; path: string };
type Rule = { name: string; priority: (typeof PRIORITIES)[number]; conditions: Condition[] };

const control = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none aria-invalid:border-red-500";
const newCondition = (): Condition => ({ field: "summary", op: "contains", value: "", path: "" });

/**
 * An ordered list of priority rules (the first match wins), each with conditions that must all
 * match. Posts the whole list as JSON in one hidden field; errors come back by path
 * ("rules.0.conditions.1.value").
 */
export function PriorityRulesEditor({ name, defaultValue, errors }: { name: string; defaultValue: Rule[]; errors: Record<string, string> }) {
  const [rules, setRules] = useState<Rule[]>(defaultValue);
  const err = (path: string) => errors[`${name}.${path}`];
  const update = (i: number, patch: Partial<Rule>) => setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const updateCond = (i: number, c: number, patch: Partial<Condition>) => update(i, { conditions: rules[i]!.conditions.map((x, k) => (k === c ? { ...x, ...patch } : x)) });
  const move = (i: number, by: -1 | 1) =>
    setRules((rs) => {
      const next = [...rs];
      const [r] = next.splice(i, 1);
      next.splice(i + by, 0, r!);
      return next;
    });
  return (
    <div className="space-y-3">
      <input type="hidden" name={name} value={JSON.stringify(rules)} />
      {rules.length === 0 && <p className="text-sm text-slate-600">No rules: the default mapping applies (critical and error → high, warning → medium, info → low).</p>}
      <ol className="space-y-3" aria-label="Priority rules">
        {rules.map((rule, i) => (
          <li key={i} className="rounded-lg border border-slate-200 p-3">
            <div className="flex flex-wrap items-end gap-2">
              <span className="mb-2 grid size-6 shrink-0 place-items-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700">{i + 1}</span>
              <label className="min-w-40 flex-1 text-xs font-medium text-slate-600">
                Name
                <input className={`${control} mt-1 block w-full`} value={rule.name} maxLength={120} aria-label={`Rule ${i + 1} name`} aria-invalid={!!err(`${i}.name`)} onChange={(e) => update(i, { name: e.target.value })} placeholder="e.g. Backups can wait" />
              </label>
              <label className="text-xs font-medium text-slate-600">
                Sets priority
                <select className={`${control} mt-1 block`} value={rule.priority} aria-label={`Rule ${i + 1} priority`} onChange={(e) => update(i, { priority: e.target.value as Rule["priority"] })}>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
              <div className="flex gap-1">
                <Button type="button" variant="ghost" size="icon" aria-label={`Move rule ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <ArrowUp className="size-4" aria-hidden />
                </Button>
                <Button type="button" variant="ghost" size="icon" aria-label={`Move rule ${i + 1} down`} disabled={i === rules.length - 1} onClick={() => move(i, 1)}>
                  <ArrowDown className="size-4" aria-hidden />
                </Button>
                <Button type="button" variant="ghost" size="icon" aria-label={`Remove rule ${i + 1}`} onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}>
                  <X className="size-4" aria-hidden />
                </Button>
              </div>
            </div>
            {err(`${i}.name`) && <p className="mt-1 text-xs text-red-600">{err(`${i}.name`)}</p>}
            <p className="mt-3 mb-1 text-xs font-medium text-slate-500">When all of these match</p>
            <ul className="space-y-2">
              {rule.conditions.map((c, k) => {
                const label = `Rule ${i + 1} condition ${k + 1}`;
                const message = err(`${i}.conditions.${k}.value`) ?? err(`${i}.conditions.${k}.path`) ?? err(`${i}.conditions.${k}`);
                return (
                  <li key={k}>
                    <div className="flex flex-wrap items-center gap-2">
                      <select className={control} value={c.field} aria-label={`${label} field`} onChange={(e) => updateCond(i, k, { field: e.target.value as RuleField })}>
                        {RULE_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {RULE_FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                      {c.field === "detail" && (
                        <input className={`${control} w-32`} value={c.path} maxLength={200} placeholder="key (a.b)" aria-label={`${label} detail key`} aria-invalid={!!err(`${i}.conditions.${k}.path`)} onChange={(e) => updateCond(i, k, { path: e.target.value })} />
                      )}
                      <select className={control} value={c.op} aria-label={`${label} test`} onChange={(e) => updateCond(i, k, { op: e.target.value as RuleOp })}>
                        {RULE_OPS.map((o) => (
                          <option key={o} value={o}>
                            {RULE_OP_LABELS[o]}
                          </option>
                        ))}
                      </select>
                      <input className={`${control} min-w-32 flex-1`} value={c.value} maxLength={300} placeholder={c.op === "regex" ? "regular expression" : "value"} aria-label={`${label} value`} aria-invalid={!!message} onChange={(e) => updateCond(i, k, { value: e.target.value })} />
                      <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${label.toLowerCase()}`} disabled={rule.conditions.length === 1} onClick={() => update(i, { conditions: rule.conditions.filter((_, j) => j !== k) })}>
                        <X className="size-4" aria-hidden />
                      </Button>
                    </div>
                    {message && <p className="mt-1 text-xs text-red-600">{message}</p>}
                  </li>
                );
              })}
            </ul>
            <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => update(i, { conditions: [...rule.conditions, newCondition()] })} disabled={rule.conditions.length >= 10}>
              <Plus className="size-4" aria-hidden /> Add condition
            </Button>
          </li>
        ))}
      </ol>
      <Button type="button" variant="secondary" onClick={() => setRules((rs) => [...rs, { name: "", priority: "low", conditions: [newCondition()] }])} disabled={rules.length >= 50}>
        <Plus className="size-4" aria-hidden /> Add rule
      </Button>
      {err("") && <p className="text-sm text-red-600">{err("")}</p>}
    </div>
  );
}
