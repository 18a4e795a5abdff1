import type { Metadata } from "next";
import Link from "next/link";
import { AtSign, CalendarClock, Server, User, Users } from "lucide-react";
import { PolicyEditor } from "@/components/escalation-policies/policy-editor";
import { PolicyTimeline } from "@/components/escalation-policies/policy-timeline";
import { PageError } from "@/components/page-error";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import type { EscalationTarget } from "@/lib/core/escalation";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { getPolicy } from "@/lib/escalation-policies/get-policy";
import { listTargetOptions } from "@/lib/escalation-policies/list-target-options";
import type { PolicyOutput } from "@/lib/escalation-policies/schemas";
import { orInterrupt } from "@/lib/http/page-guard";
import { deletePolicyAction, updatePolicyAction } from "../actions";

export const metadata: Metadata = { title: "Escalation policy" };

const TARGET_ICON = { user: User, schedule: CalendarClock, team: Users } as const;
const toTarget = (t: PolicyOutput["levels"][number]["targets"][number]): EscalationTarget => (t.type === "team" ? { type: "team", id: t.id, scope: t.scope ?? "all" } : { type: t.type, id: t.id });

function ServicesCard({ policy }: { policy: PolicyOutput }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Services using it</CardTitle>
        <CardDescription>Choose a service&apos;s policy on the service&apos;s page.</CardDescription>
      </CardHeader>
      <CardContent>
        {policy.services.length === 0 ? (
          <p className="text-sm text-slate-600">No service yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Services using this policy">
            {policy.services.map((s) => (
              <li key={s.id} className="flex items-center gap-2 py-2 first:pt-0 last:pb-0">
                <Server aria-hidden className="size-4 shrink-0 text-slate-400" />
                <Link href={`/services/${s.id}`} className="truncate text-sm font-medium text-slate-900 hover:text-brand-700">
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** What engineers see: the levels and contacts as they stand, and the timeline. */
function ReadOnlyPolicy({ policy }: { policy: PolicyOutput }) {
  const stopWord = policy.stopOn === "read" ? "reads a page" : "acknowledges";
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_21rem]">
      <div className="min-w-0 space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Levels</CardTitle>
            <CardDescription>Paged in order until someone {stopWord}.</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="space-y-3" aria-label="Levels">
              {policy.levels.map((level, i) => (
                <li key={i} className="rounded-xl border border-slate-200 bg-slate-50/60 px-4 py-3">
                  <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                    <span aria-hidden className="grid size-6 place-items-center rounded-full bg-brand-600 text-xs text-white">
                      {i + 1}
                    </span>
                    Level {i + 1}
                  </h3>
                  <ul className="mt-3 flex flex-wrap gap-2">
                    {level.targets.map((t) => {
                      const Icon = TARGET_ICON[t.type];
                      return (
                        <li key={`${t.type}:${t.id}:${t.scope ?? ""}`} className="flex max-w-full items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2.5 py-1 text-sm text-slate-800 shadow-xs">
                          <Icon aria-hidden className="size-3.5 shrink-0 text-slate-500" />
                          <span className="truncate first-letter:uppercase">{t.name}</span>
                        </li>
                      );
                    })}
                  </ul>
                  <p className="mt-3 text-sm text-slate-600">
                    If nobody {stopWord} within <strong className="font-semibold text-slate-900">{level.delayMinutes} min</strong>,{" "}
                    {i < policy.levels.length - 1 ? `level ${i + 2} is paged` : policy.repeat > 0 ? "the levels start again" : "the failover email goes out"}.
                  </p>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>When nobody answers</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="divide-y divide-slate-100 text-sm">
              <div className="flex justify-between gap-3 py-2 first:pt-0">
                <dt className="text-slate-500">Repeat</dt>
                <dd className="text-slate-900">{policy.repeat === 0 ? "No" : policy.repeat === 1 ? "Once" : `${policy.repeat} times`}</dd>
              </div>
              <div className="flex justify-between gap-3 py-2">
                <dt className="text-slate-500">Stops when a page is</dt>
                <dd className="text-slate-900">{policy.stopOn === "read" ? "Read" : "Acknowledged"}</dd>
              </div>
              <div className="grid gap-2 py-2 last:pb-0">
                <dt className="text-slate-500">Failover email</dt>
                <dd>
                  <ul className="flex flex-wrap gap-2">
                    {policy.failover.leads && (
                      <li className="flex items-center gap-1.5 rounded-full border border-slate-200 px-2.5 py-1 text-slate-800">
                        <Users aria-hidden className="size-3.5 text-slate-500" /> The team&apos;s leads
                      </li>
                    )}
                    {policy.failover.users.map((u) => (
                      <li key={u.id} className="flex items-center gap-1.5 rounded-full border border-slate-200 px-2.5 py-1 text-slate-800">
                        <User aria-hidden className="size-3.5 text-slate-500" /> {u.name}
                      </li>
                    ))}
                    {policy.failover.emails.map((e) => (
                      <li key={e} className="flex items-center gap-1.5 rounded-full border border-slate-200 px-2.5 py-1 break-all text-slate-800">
                        <AtSign aria-hidden className="size-3.5 shrink-0 text-slate-500" /> {e}
                      </li>
                    ))}
                    {!policy.failover.leads && policy.failover.users.length === 0 && policy.failover.emails.length === 0 && <li className="text-slate-600">Nobody</li>}
                  </ul>
                </dd>
              </div>
            </dl>
          </CardContent>
        </Card>
      </div>
      <aside className="order-first min-w-0 space-y-6 lg:sticky lg:top-6 lg:order-none">
        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <PolicyTimeline lines={policy.timeline} />
          </CardContent>
        </Card>
        <ServicesCard policy={policy} />
      </aside>
    </div>
  );
}

export default async function PolicyPage({ params, searchParams }: { params: Promise<{ policyId: string }>; searchParams: Promise<{ error?: string; created?: string }> }) {
  const { policyId } = await params;
  const { error, created } = await searchParams;
  const ctx = await requireSessionCtx();
  const policy = await orInterrupt(() => getPolicy(ctx, policyId));
  const write = can(ctx.viewer, "escalation_policies:write");
  const options = write ? await listTargetOptions(ctx) : null;
  return (
    <>
      <PageHeader
        title={policy.name}
        description={policy.description || undefined}
        breadcrumb={[{ label: "Escalation policies", href: "/escalation-policies" }, { label: policy.name }]}
        badge={write ? undefined : <Badge variant="neutral">Read only</Badge>}
      />
      <PageError error={error} />
      {created && (
        <Alert variant="success" className="mb-6">
          Policy created. Choose it on a service&apos;s page to page with it.
        </Alert>
      )}
      {options ? (
        <PolicyEditor
          action={updatePolicyAction}
          options={options}
          policyId={policy.id}
          initial={{ name: policy.name, description: policy.description, levels: policy.levels.map((l) => ({ delayMinutes: l.delayMinutes, targets: l.targets.map(toTarget) })), repeat: policy.repeat, stopOn: policy.stopOn, failover: { leads: policy.failover.leads, userIds: policy.failover.userIds, emails: policy.failover.emails } }}
          aside={
            <>
              <ServicesCard policy={policy} />
              <Card className="border-red-200">
                <CardHeader>
                  <CardTitle>Delete policy</CardTitle>
                  <CardDescription>{policy.services.length ? "Give its services another policy first." : "Incidents that used it keep their copy."}</CardDescription>
                </CardHeader>
                <CardContent>
                  <ConfirmDialog
                    action={deletePolicyAction}
                    hidden={{ policyId: policy.id }}
                    title={`Delete ${policy.name}?`}
                    description="Services can no longer choose it. Incidents that used it keep their copy."
                    confirmLabel="Delete policy"
                    triggerLabel="Delete policy…"
                    triggerVariant="outline"
                  />
                </CardContent>
              </Card>
            </>
          }
        />
      ) : (
        <ReadOnlyPolicy policy={policy} />
      )}
    </>
  );
}
