import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Server, Waypoints } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listPolicies } from "@/lib/escalation-policies/list-policies";
import type { PolicyOutput } from "@/lib/escalation-policies/schemas";
import { orInterrupt } from "@/lib/http/page-guard";

export const metadata: Metadata = { title: "Escalation policies" };

const REPEAT = (n: number) => (n === 0 ? "No" : n === 1 ? "Once" : n === 2 ? "Twice" : `${n} times`);
const STOP = { acknowledged: "Acknowledged", read: "Read" } as const;

/** "2 levels · failover at 30 min": how long a page can go unanswered before the failover email. */
function levelsSummary(p: PolicyOutput): string {
  const round = p.levels.reduce((sum, l) => sum + l.delayMinutes, 0);
  return `${p.levels.length} level${p.levels.length === 1 ? "" : "s"} · failover at ${round * (p.repeat + 1)} min`;
}

function ServiceLinks({ policy }: { policy: PolicyOutput }) {
  if (policy.services.length === 0) return <span className="text-slate-500">Not used</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={`Services using ${policy.name}`}>
      {policy.services.map((s) => (
        <li key={s.id} className="min-w-0">
          <Link href={`/services/${s.id}`} className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-0.5 text-[0.8125rem] text-slate-700 hover:border-slate-300 hover:text-brand-700">
            <Server aria-hidden className="size-3.5 shrink-0 text-slate-400" />
            <span className="truncate">{s.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function EscalationPoliciesPage() {
  const ctx = await requireSessionCtx();
  const policies = await orInterrupt(() => listPolicies(ctx, { limit: 200 }));
  const write = can(ctx.viewer, "escalation_policies:write");
  return (
    <>
      <PageHeader
        title="Escalation policies"
        description="Who is paged for a service's incidents, in what order, how long each level has to answer, and who hears about it when nobody does."
        actions={
          write && (
            <Button asChild>
              <Link href="/escalation-policies/new">
                <Plus className="size-4" aria-hidden /> New policy
              </Link>
            </Button>
          )
        }
      />
      {policies.data.length === 0 ? (
        <EmptyState icon={Waypoints} title="No escalation policies yet" description={write ? "Create one, then choose it on your services: without a policy, an incident goes straight to the failover contacts." : "A manager creates them."} />
      ) : (
        <>
          <Table label="Escalation policies" containerClassName="hidden md:block">
            <THead>
              <TR>
                <TH>Policy</TH>
                <TH>Levels</TH>
                <TH>Repeat</TH>
                <TH>Stops when</TH>
                <TH>Services</TH>
              </TR>
            </THead>
            <TBody>
              {policies.data.map((p) => (
                <TR key={p.id}>
                  <TD className="min-w-56">
                    <Link href={`/escalation-policies/${p.id}`} className="font-medium text-slate-900 hover:text-brand-700">
                      {p.name}
                    </Link>
                    <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">First paged: {p.levels[0]?.targets.map((t) => t.name).join(", ")}</p>
                  </TD>
                  <TD className="text-sm whitespace-nowrap text-slate-700">{levelsSummary(p)}</TD>
                  <TD className="text-sm text-slate-700">{REPEAT(p.repeat)}</TD>
                  <TD>
                    <Badge variant={p.stopOn === "read" ? "info" : "success"}>{STOP[p.stopOn]}</Badge>
                  </TD>
                  <TD className="text-sm">
                    <ServiceLinks policy={p} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <ul className="space-y-3 md:hidden" aria-label="Escalation policies">
            {policies.data.map((p) => (
              <li key={p.id} className="rounded-xl border border-border bg-surface p-4 shadow-xs">
                <div className="flex items-start justify-between gap-3">
                  <Link href={`/escalation-policies/${p.id}`} className="min-w-0 font-medium break-words text-slate-900 hover:text-brand-700">
                    {p.name}
                  </Link>
                  <Badge variant={p.stopOn === "read" ? "info" : "success"}>Stops: {STOP[p.stopOn].toLowerCase()}</Badge>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {levelsSummary(p)} · repeat {REPEAT(p.repeat).toLowerCase()}
                </p>
                <p className="mt-0.5 text-xs text-slate-500">First paged: {p.levels[0]?.targets.map((t) => t.name).join(", ")}</p>
                <div className="mt-3 text-sm">
                  <ServiceLinks policy={p} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
