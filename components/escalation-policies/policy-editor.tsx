"use client";

import { useActionState, useId, useMemo, useState } from "react";
import { ArrowDown, ArrowRight, ArrowUp, AtSign, CalendarClock, Plus, Timer, Trash2, User, Users, X } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { describePolicy, MAX_DELAY_MINUTES, MAX_LEVELS, MAX_REPEAT, type EscalationTarget, type StopCondition } from "@/lib/core/escalation";
import { targetName, type PolicyDirectory } from "@/lib/core/escalation/target-names";
import { PolicyTimeline } from "./policy-timeline";

export type TargetOptions = { users: { id: string; name: string }[]; schedules: { id: string; name: string }[]; teams: { id: string; name: string }[] };
export type PolicyDraft = {
  name: string;
  description: string;
  levels: { delayMinutes: number; targets: EscalationTarget[] }[];
  repeat: number;
  stopOn: StopCondition;
  failover: { leads: boolean; userIds: string[]; emails: string[] };
};
type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;
type LevelState = { key: number; delay: string; targets: EscalationTarget[] };

const REPEAT_LABELS = ["Don't repeat", "Repeat once", "Repeat twice", ...Array.from({ length: MAX_REPEAT - 2 }, (_, i) => `Repeat ${i + 3} times`)];
const TARGET_ICON = { user: User, schedule: CalendarClock, team: Users } as const;
const encode = (t: EscalationTarget) => (t.type === "team" ? `team:${t.id}:${t.scope}` : `${t.type}:${t.id}`);
function decode(value: string): EscalationTarget | null {
  const [type, id, scope] = value.split(":");
  if (!id) return null;
  if (type === "user" || type === "schedule") return { type, id };
  if (type === "team" && (scope === "all" || scope === "leads")) return { type, id, scope };
  return null;
}
const sameTarget = (a: EscalationTarget, b: EscalationTarget) => encode(a) === encode(b);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "Add a person, schedule or team…": a native select, so it works on phones with their own pickers. */
function TargetPicker({ label, options, exclude, onPick }: { label: string; options: TargetOptions; exclude: EscalationTarget[]; onPick: (t: EscalationTarget) => void }) {
  const taken = new Set(exclude.map(encode));
  const free = (t: EscalationTarget) => !taken.has(encode(t));
  return (
    <Select
      aria-label={label}
      value=""
      placeholder="Add a person, schedule or team…"
      onChange={(e) => {
        const t = decode(e.target.value);
        if (t) onPick(t);
      }}
    >
      <optgroup label="Schedules: whoever is on call">
        {options.schedules.map((s) => (
          <option key={s.id} value={`schedule:${s.id}`} disabled={!free({ type: "schedule", id: s.id })}>
            On-call of {s.name}
          </option>
        ))}
      </optgroup>
      <optgroup label="Teams">
        {options.teams.flatMap((t) => [
          <option key={`${t.id}:leads`} value={`team:${t.id}:leads`} disabled={!free({ type: "team", id: t.id, scope: "leads" })}>
            {t.name}: leads only
          </option>,
          <option key={`${t.id}:all`} value={`team:${t.id}:all`} disabled={!free({ type: "team", id: t.id, scope: "all" })}>
            {t.name}: everyone
          </option>,
        ])}
      </optgroup>
      <optgroup label="People">
        {options.users.map((u) => (
          <option key={u.id} value={`user:${u.id}`} disabled={!free({ type: "user", id: u.id })}>
            {u.name}
          </option>
        ))}
      </optgroup>
    </Select>
  );
}

function Chip({ icon: Icon, children, onRemove, removeLabel, invalid }: { icon: typeof User; children: React.ReactNode; onRemove?: () => void; removeLabel: string; invalid?: boolean }) {
  return (
    <li className={cn("flex max-w-full min-w-0 items-center gap-1.5 rounded-full border bg-white py-1 pr-1 pl-2.5 text-sm shadow-xs", invalid ? "border-red-400 bg-red-50" : "border-slate-200")}>
      <Icon aria-hidden className="size-3.5 shrink-0 text-slate-500" />
      <span className="min-w-0 truncate text-slate-800">{children}</span>
      {onRemove && (
        <button type="button" onClick={onRemove} aria-label={removeLabel} className="grid size-6 shrink-0 place-items-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none">
          <X className="size-3.5" aria-hidden />
        </button>
      )}
    </li>
  );
}

/**
 * The policy editor: ordered levels (targets and the minutes before the next step), the repeat
 * count, what stops it and the failover contacts, with the policy's timeline beside it, updated
 * as it is edited. Posts the whole policy as JSON in one field; errors come back by path
 * ("levels.1.targets.0.id") and are shown on that row.
 */
export function PolicyEditor({ action, options, initial, policyId, aside }: { action: FormAction; options: TargetOptions; initial: PolicyDraft; policyId?: string; aside?: React.ReactNode }) {
  const [state, formAction] = useActionState(action, idleState);
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [nextKey, setNextKey] = useState(initial.levels.length);
  const [levels, setLevels] = useState<LevelState[]>(initial.levels.map((l, i) => ({ key: i, delay: String(l.delayMinutes), targets: l.targets })));
  const [repeat, setRepeat] = useState(initial.repeat);
  const [stopOn, setStopOn] = useState<StopCondition>(initial.stopOn);
  const [leads, setLeads] = useState(initial.failover.leads);
  const [failoverUsers, setFailoverUsers] = useState(initial.failover.userIds);
  const [emails, setEmails] = useState(initial.failover.emails);
  const [emailDraft, setEmailDraft] = useState("");
  const emailId = useId();
  // A server error stops showing once what it names is edited (until the next save says otherwise).
  const [seen, setSeen] = useState(state);
  const [fixed, setFixed] = useState<string[]>([]);
  if (seen !== state) {
    setSeen(state);
    setFixed([]);
  }
  const edited = (prefix: string) => setFixed((f) => (f.includes(prefix) ? f : [...f, prefix]));
  const isFixed = (path: string) => fixed.some((p) => path === p || path.startsWith(`${p}.`));
  const err = (path: string) => (isFixed(path) ? undefined : fieldError(state, path));
  const exact = (path: string) => (state.status === "error" && !isFixed(path) ? state.fieldErrors[path] : undefined);

  const directory: PolicyDirectory = useMemo(
    () => ({
      users: Object.fromEntries(options.users.map((u) => [u.id, u.name])),
      schedules: Object.fromEntries(options.schedules.map((s) => [s.id, s.name])),
      teams: Object.fromEntries(options.teams.map((t) => [t.id, t.name])),
    }),
    [options],
  );
  const pendingEmail = emailDraft.trim();
  const policy: PolicyDraft = {
    name,
    description,
    levels: levels.map((l) => ({ delayMinutes: l.delay.trim() === "" ? Number.NaN : Number(l.delay), targets: l.targets })),
    repeat,
    stopOn,
    failover: { leads, userIds: failoverUsers, emails: pendingEmail && !emails.includes(pendingEmail) ? [...emails, pendingEmail] : emails },
  };
  const preview = describePolicy(
    { ...policy, levels: policy.levels.map((l) => ({ ...l, delayMinutes: Number.isFinite(l.delayMinutes) && l.delayMinutes >= 0 ? Math.floor(l.delayMinutes) : 0 })) },
    (t) => targetName(t, directory),
    failoverUsers.map((id) => directory.users[id] ?? "a deleted person"),
  );

  const updateLevel = (i: number, patch: Partial<LevelState>) => {
    edited(`levels.${i}`);
    setLevels((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  };
  const removeLevel = (i: number) => {
    edited("levels");
    setLevels((ls) => ls.filter((_, j) => j !== i));
  };
  const move = (i: number, by: -1 | 1) => {
    edited("levels");
    setLevels((ls) => {
      const next = [...ls];
      const [l] = next.splice(i, 1);
      next.splice(i + by, 0, l!);
      return next;
    });
  };
  const addLevel = () => {
    edited("levels");
    setLevels((ls) => [...ls, { key: nextKey, delay: ls.length ? ls[ls.length - 1]!.delay : "5", targets: [] }]);
    setNextKey((k) => k + 1);
  };
  const addEmail = () => {
    edited("failover.emails");
    if (!pendingEmail || emails.includes(pendingEmail.toLowerCase())) return setEmailDraft("");
    setEmails((es) => [...es, pendingEmail]);
    setEmailDraft("");
  };
  const stopWord = stopOn === "read" ? "reads a page" : "acknowledges";
  const noAnswer = stopOn === "read" ? "Not read in" : "No answer in";
  const afterLast = repeat > 0 ? "start again from level 1" : "send the failover email";

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_21rem]">
      <ActionForm action={formAction} state={state} className="min-w-0 space-y-6" noValidate>
        <input type="hidden" name="policy" value={JSON.stringify(policy)} />
        {policyId && <input type="hidden" name="policyId" value={policyId} />}
        <FormMessage state={state.status === "idle" ? undefined : { status: state.status, message: state.message }} />

        <Card>
          <CardHeader>
            <CardTitle>Policy</CardTitle>
            <CardDescription>Services choose a policy; an incident keeps the version it started with.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <Field label="Name" error={err("name")}>
              <Input id="policy-name" value={name} onChange={(e) => {
                  edited("name");
                  setName(e.target.value);
                }} maxLength={120} placeholder="e.g. Business-critical servers" />
            </Field>
            <Field label="Description" optional error={err("description")}>
              <Textarea id="policy-description" value={description} onChange={(e) => {
                  edited("description");
                  setDescription(e.target.value);
                }} maxLength={500} rows={2} placeholder="When to use it, who agreed it" />
            </Field>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Levels</CardTitle>
            <CardDescription>Paged in order until someone {stopWord}. A schedule pages whoever is on call at that moment.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-3">
            {exact("levels") && <p className="text-sm font-medium text-red-700">{exact("levels")}</p>}
            {levels.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">No levels yet: add the first people to page.</p>}
            <ol className="space-y-3" aria-label="Levels">
              {levels.map((level, i) => {
                const n = i + 1;
                const last = i === levels.length - 1;
                const targetsError = exact(`levels.${i}.targets`);
                const delayError = err(`levels.${i}.delayMinutes`);
                return (
                  <li key={level.key} className="rounded-xl border border-slate-200 bg-slate-50/60" aria-label={`Level ${n}`}>
                    <div className="flex items-center justify-between gap-2 border-b border-slate-200/80 px-3 py-2 sm:px-4">
                      <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                        <span aria-hidden className="grid size-6 place-items-center rounded-full bg-brand-600 text-xs text-white">
                          {n}
                        </span>
                        Level {n}
                      </h3>
                      <div className="flex">
                        <Button type="button" variant="ghost" size="icon" aria-label={`Move level ${n} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                          <ArrowUp aria-hidden />
                        </Button>
                        <Button type="button" variant="ghost" size="icon" aria-label={`Move level ${n} down`} disabled={last} onClick={() => move(i, 1)}>
                          <ArrowDown aria-hidden />
                        </Button>
                        <Button type="button" variant="ghost" size="icon" aria-label={`Remove level ${n}`} onClick={() => removeLevel(i)}>
                          <Trash2 aria-hidden />
                        </Button>
                      </div>
                    </div>
                    <div className="space-y-3 px-3 py-3 sm:px-4">
                      {level.targets.length > 0 && (
                        <ul className="flex flex-wrap gap-2" aria-label={`Level ${n} targets`}>
                          {level.targets.map((t, j) => {
                            const name = targetName(t, directory);
                            const tErr = err(`levels.${i}.targets.${j}`);
                            return (
                              <Chip key={encode(t)} icon={TARGET_ICON[t.type]} invalid={!!tErr} removeLabel={`Remove ${name} from level ${n}`} onRemove={() => updateLevel(i, { targets: level.targets.filter((_, k) => k !== j) })}>
                                {name.charAt(0).toUpperCase() + name.slice(1)}
                                {tErr && <span className="ml-1 text-red-700">({tErr})</span>}
                              </Chip>
                            );
                          })}
                        </ul>
                      )}
                      <TargetPicker label={`Add to level ${n}`} options={options} exclude={level.targets} onPick={(t) => !level.targets.some((o) => sameTarget(o, t)) && updateLevel(i, { targets: [...level.targets, t] })} />
                      {targetsError && <p className="text-[0.8125rem] font-medium text-red-700">{targetsError}</p>}
                      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5 text-sm text-slate-700">
                        <Timer aria-hidden className="size-4 shrink-0 text-slate-400" />
                        <label htmlFor={`level-${level.key}-delay`}>{noAnswer}</label>
                        <Input
                          id={`level-${level.key}-delay`}
                          aria-label={`Level ${n} minutes`}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={MAX_DELAY_MINUTES}
                          step={1}
                          value={level.delay}
                          aria-invalid={!!delayError}
                          onChange={(e) => updateLevel(i, { delay: e.target.value })}
                          className="w-20 text-right tabular-nums"
                        />
                        <span>min</span>
                        <ArrowRight aria-hidden className="size-4 shrink-0 text-slate-400" />
                        <span className="sr-only">then</span>
                        <span className="font-medium text-slate-800">{last ? afterLast : `page level ${n + 1}`}</span>
                      </div>
                      {delayError && <p className="text-[0.8125rem] font-medium text-red-700">{delayError}</p>}
                    </div>
                  </li>
                );
              })}
            </ol>
            <Button type="button" variant="secondary" onClick={addLevel} disabled={levels.length >= MAX_LEVELS}>
              <Plus aria-hidden /> Add level
            </Button>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>When nobody answers</CardTitle>
            <CardDescription>Run the levels again, then email the failover contacts and mark the incident unanswered.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            <div className="grid gap-5">
              <Field className="sm:max-w-xs" label="Repeat" error={err("repeat")} hint={repeat > 0 ? `All levels run ${repeat + 1} times in all.` : "The levels run once."}>
                <Select id="policy-repeat" value={String(repeat)} onChange={(e) => {
                    edited("repeat");
                    setRepeat(Number(e.target.value));
                  }}>
                  {REPEAT_LABELS.map((label, k) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </Select>
              </Field>
              <fieldset className="grid gap-1.5">
                <legend className="mb-1.5 text-sm font-medium text-slate-900">Stop paging when a page is</legend>
                <div className="grid grid-cols-2 gap-2 sm:max-w-md">
                  {(
                    [
                      ["acknowledged", "Acknowledged", "Someone takes it"],
                      ["read", "Read", "Someone opens it"],
                    ] as const
                  ).map(([value, label, hint]) => (
                    <label key={value} className={cn("cursor-pointer rounded-lg border px-3 py-2 text-sm transition-colors has-focus-visible:ring-2 has-focus-visible:ring-brand-500", stopOn === value ? "border-brand-500 bg-brand-50 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300")}>
                      <input type="radio" name="stopOnChoice" value={value} checked={stopOn === value} onChange={() => setStopOn(value)} className="sr-only" />
                      <span className="block font-medium text-slate-900">{label}</span>
                      <span className="block text-xs text-slate-500">{hint}</span>
                    </label>
                  ))}
                </div>
                {err("stopOn") && <p className="text-[0.8125rem] font-medium text-red-700">{err("stopOn")}</p>}
              </fieldset>
            </div>

            <fieldset className="grid gap-3 border-t border-slate-100 pt-4">
              <legend className="text-sm font-medium text-slate-900">Failover email</legend>
              <Checkbox checked={leads} onChange={(e) => {
                  edited("failover");
                  setLeads(e.target.checked);
                }} label="The incident team's leads" description="Whoever leads the service's team when it happens." />
              <div className="grid gap-2">
                <p className="text-sm font-medium text-slate-800">People</p>
                {failoverUsers.length > 0 && (
                  <ul className="flex flex-wrap gap-2" aria-label="Failover people">
                    {failoverUsers.map((id, k) => (
                      <Chip key={id} icon={User} invalid={!!err(`failover.userIds.${k}`)} removeLabel={`Remove ${directory.users[id] ?? "person"} from failover`} onRemove={() => {
                          edited("failover.userIds");
                          setFailoverUsers((us) => us.filter((u) => u !== id));
                        }}>
                        {directory.users[id] ?? "A deleted person"}
                        {err(`failover.userIds.${k}`) && <span className="ml-1 text-red-700">({err(`failover.userIds.${k}`)})</span>}
                      </Chip>
                    ))}
                  </ul>
                )}
                <Select
                  aria-label="Add a failover person"
                  value=""
                  placeholder="Add a person…"
                  onChange={(e) => {
                    const id = e.target.value;
                    if (!id || failoverUsers.includes(id)) return;
                    edited("failover.userIds");
                    setFailoverUsers((us) => [...us, id]);
                  }}
                >
                  {options.users.map((u) => (
                    <option key={u.id} value={u.id} disabled={failoverUsers.includes(u.id)}>
                      {u.name}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="grid gap-2">
                <label htmlFor={emailId} className="text-sm font-medium text-slate-800">
                  Other addresses
                </label>
                {emails.length > 0 && (
                  <ul className="flex flex-wrap gap-2" aria-label="Failover addresses">
                    {emails.map((e, k) => (
                      <Chip key={e} icon={AtSign} invalid={!!err(`failover.emails.${k}`)} removeLabel={`Remove ${e} from failover`} onRemove={() => {
                          edited("failover.emails");
                          setEmails((es) => es.filter((x) => x !== e));
                        }}>
                        {e}
                        {err(`failover.emails.${k}`) && <span className="ml-1 text-red-700">({err(`failover.emails.${k}`)})</span>}
                      </Chip>
                    ))}
                  </ul>
                )}
                <div className="flex gap-2">
                  <Input
                    id={emailId}
                    type="email"
                    value={emailDraft}
                    placeholder="e.g. noc@client.example"
                    aria-invalid={!!err(`failover.emails.${emails.length}`)}
                    onChange={(e) => {
                      edited("failover.emails");
                      setEmailDraft(e.target.value);
                    }}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") {
                        e.preventDefault();
                        addEmail();
                      }
                    }}
                  />
                  <Button type="button" variant="outline" onClick={addEmail} disabled={!pendingEmail}>
                    Add
                  </Button>
                </div>
                {err(`failover.emails.${emails.length}`) && <p className="text-[0.8125rem] font-medium text-red-700">{err(`failover.emails.${emails.length}`)}</p>}
                {!leads && failoverUsers.length === 0 && emails.length === 0 && !pendingEmail && <p className="text-[0.8125rem] text-amber-700">Nobody gets the failover email: an unanswered incident is only marked as such.</p>}
              </div>
            </fieldset>
          </CardContent>
        </Card>

        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
          <SubmitButton pendingLabel="Saving…" className="w-full sm:w-auto">
            {policyId ? "Save policy" : "Create policy"}
          </SubmitButton>
        </div>
      </ActionForm>

      {/* On phones the timeline comes first and the extras (services, delete) after the form; beside it on laptops. */}
      <aside className="contents lg:sticky lg:top-6 lg:block lg:min-w-0 lg:space-y-6">
        <Card className="order-first lg:order-none">
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
            <CardDescription>
              {plural(levels.length, "level")}
              {repeat > 0 ? `, ${REPEAT_LABELS[repeat]!.toLowerCase()}` : ""}. Updates as you edit.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <PolicyTimeline lines={levels.length ? preview : []} />
          </CardContent>
        </Card>
        {aside && <div className="order-last min-w-0 space-y-6 lg:order-none">{aside}</div>}
      </aside>
    </div>
  );
}
