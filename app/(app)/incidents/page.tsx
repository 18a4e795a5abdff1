import type { Metadata } from "next";
import Link from "next/link";
import { ChevronDown, Search, Siren, SlidersHorizontal, TriangleAlert } from "lucide-react";
import { IncidentStatusBadge, PriorityBadge, UnansweredBadge } from "@/components/incidents/incident-badges";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listClients } from "@/lib/clients/read-clients";
import { zoneAbbreviation } from "@/lib/core/time";
import { formatInZone } from "@/lib/incidents/format";
import { listIncidents } from "@/lib/incidents/read-incidents";
import { incidentListQuery } from "@/lib/incidents/schemas";
import { orInterrupt } from "@/lib/http/page-guard";
import { listServices } from "@/lib/services/read-services";
import { listTeams } from "@/lib/teams/read-teams";
import { formatDateTime } from "@/lib/format/date-time";

export const metadata: Metadata = { title: "Incidents" };

const PERIODS = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
type Params = { status?: string; priority?: string; clientId?: string; teamId?: string; serviceId?: string; period?: string; q?: string; cursor?: string };

const when = (iso: string, zone: string) => formatDateTime(iso, zone);

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const ctx = await requireSessionCtx();
  const stakeholder = ctx.viewer.role === "stakeholder";
  const internal = can(ctx.viewer, "incidents:read-internal");
  const period = params.period && params.period in PERIODS ? (params.period as keyof typeof PERIODS) : undefined;
  const raw = {
    status: params.status || undefined,
    priority: params.priority || undefined,
    clientId: params.clientId || undefined,
    teamId: (internal && params.teamId) || undefined,
    serviceId: params.serviceId || undefined,
    q: params.q?.trim() || undefined,
    cursor: params.cursor || undefined,
    since: period ? new Date(ctx.now.getTime() - PERIODS[period]).toISOString() : undefined,
    limit: 50,
  };
  // A hand-edited URL with a bad filter shows what was wrong, never a crash.
  const parsed = incidentListQuery.safeParse(raw);
  const filterError = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  const incidents = await orInterrupt(() => listIncidents(ctx, parsed.success ? raw : { limit: 50 }));
  const [clients, teams, services] = await Promise.all([
    listClients(ctx, { limit: 200 }),
    internal && can(ctx.viewer, "teams:read") ? listTeams(ctx, { limit: 200 }) : Promise.resolve({ data: [] }),
    can(ctx.viewer, "services:read") ? listServices(ctx, { limit: 200 }) : Promise.resolve({ data: [] }),
  ]);
  const activeFilters = [raw.status, raw.priority, raw.clientId, raw.teamId, raw.serviceId, raw.q, period].filter(Boolean).length;
  const filtered = activeFilters > 0;
  const next = new URLSearchParams(Object.entries({ ...params, cursor: incidents.nextCursor ?? "" }).filter(([, v]) => v) as [string, string][]);

  return (
    <>
      <PageHeader
        title="Incidents"
        description={stakeholder ? "Status of incidents affecting your organisation." : "Everything that paged, newest first, with its timeline."}
        actions={
          can(ctx.viewer, "incidents:respond") && (
            <Button asChild>
              <Link href="/incidents/new">
                <Siren className="size-4" aria-hidden /> Declare incident
              </Link>
            </Button>
          )
        }
      />
      {/*
        Phones: the filters fold away behind this disclosure so the first screen shows incidents.
        The form is the details' next sibling (not inside it), so from `sm` up it is always shown
        without JavaScript and the disclosure itself is display:none. Open when a filter is set.
      */}
      <details className="peer group mb-4 sm:hidden" open={filtered || Boolean(filterError)}>
        <summary
          aria-controls="incident-filters"
          className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-xl border border-border bg-surface px-4 py-2.5 text-sm font-medium text-slate-800 shadow-xs select-none [&::-webkit-details-marker]:hidden"
        >
          <SlidersHorizontal className="size-4 text-slate-500" aria-hidden />
          Filters
          {filtered && <Badge variant="brand">{activeFilters} active</Badge>}
          <ChevronDown className="ml-auto size-4 text-slate-400 transition-transform group-open:rotate-180" aria-hidden />
        </summary>
      </details>
      <form
        id="incident-filters"
        method="get"
        className="mb-5 grid grid-cols-2 gap-3 rounded-xl border border-border bg-surface p-4 shadow-xs max-sm:hidden max-sm:peer-open:grid lg:grid-cols-4"
        role="search"
        aria-label="Filter incidents"
      >
        <label className="col-span-2 grid gap-1 text-xs font-medium text-slate-600 lg:col-span-4">
          Search
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
            <Input name="q" defaultValue={params.q ?? ""} placeholder={internal ? "Title, service, #number or dedup key" : "Title, service or #number"} className="pl-9" aria-label="Search incidents" maxLength={200} />
          </div>
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Status
          <Select name="status" defaultValue={params.status ?? ""} aria-label="Status">
            <option value="">Any status</option>
            <option value="open">Open (not resolved)</option>
            <option value="triggered">Triggered</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="resolved">Resolved</option>
          </Select>
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Priority
          <Select name="priority" defaultValue={params.priority ?? ""} aria-label="Priority">
            <option value="">Any priority</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </Select>
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Opened
          <Select name="period" defaultValue={period ?? ""} aria-label="Opened">
            <option value="">Any time</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
            <option value="30d">Last 30 days</option>
          </Select>
        </label>
        {clients.data.length > 1 && (
          <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
            Client
            <Select name="clientId" defaultValue={params.clientId ?? ""} aria-label="Client">
              <option value="">Every client</option>
              {clients.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </label>
        )}
        {teams.data.length > 0 && (
          <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
            Team
            <Select name="teamId" defaultValue={params.teamId ?? ""} aria-label="Team">
              <option value="">Every team</option>
              {teams.data.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </label>
        )}
        {services.data.length > 0 && (
          <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
            Service
            <Select name="serviceId" defaultValue={params.serviceId ?? ""} aria-label="Service">
              <option value="">Every service</option>
              {services.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </label>
        )}
        <div className="col-span-2 flex items-end gap-2 lg:col-span-1 lg:col-start-4 lg:justify-end">
          {filtered && (
            <Button asChild variant="ghost">
              <Link href="/incidents">Clear</Link>
            </Button>
          )}
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
        </div>
      </form>
      {filterError && (
        <Alert variant="warning" className="mb-5" title="Some filters were not understood and are ignored">
          {filterError}
        </Alert>
      )}
      {incidents.data.length === 0 ? (
        <EmptyState
          icon={TriangleAlert}
          title={filtered ? "No incidents match these filters" : "No incidents yet"}
          description={
            filtered
              ? "Try another status, a longer period or a shorter search."
              : stakeholder
                ? "When an incident affects your systems, its status appears here."
                : "Alerts sent to a service's integration key (PagerDuty Events API v2, Alertmanager, Grafana, email) and incidents declared by hand appear here."
          }
          action={
            !filtered && can(ctx.viewer, "services:read") ? (
              <Button asChild variant="secondary">
                <Link href="/services">Set up a service</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          {/*
            One DOM for both layouts: from `sm` up a normal table; below it each row is a compact card
            (grid: title + priority, then status, then opened), so nothing is duplicated for the e2e text/row queries.
          */}
          <Table label="Incidents" className="max-sm:block sm:min-w-[44rem]">
            <THead className="max-sm:hidden">
              <TR>
                <TH>Incident</TH>
                <TH>Status</TH>
                <TH>Priority</TH>
                <TH>Opened</TH>
                {internal && <TH className="hidden lg:table-cell">Team</TH>}
              </TR>
            </THead>
            <TBody className="max-sm:block">
              {incidents.data.map((i) => (
                <TR key={i.id} className="max-sm:relative max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-3 max-sm:gap-y-2 max-sm:px-4 max-sm:py-3 max-sm:active:bg-slate-50">
                  <TD className="max-w-md max-sm:max-w-none max-sm:p-0 max-sm:first:pl-0">
                    {/* On a phone the link's ::after stretches over the whole card, so the card is the tap target. */}
                    <Link
                      href={`/incidents/${i.id}`}
                      className="font-medium text-slate-900 hover:text-indigo-600 max-sm:after:absolute max-sm:after:inset-0 max-sm:after:content-['']"
                    >
                      <span className="mr-1.5 text-slate-500 tabular-nums">#{i.number}</span>
                      <span className="break-words">{i.title}</span>
                    </Link>
                    <p className="mt-0.5 text-xs break-words text-slate-500">
                      {i.service.name} · {i.client.name}
                    </p>
                  </TD>
                  <TD className="max-sm:col-span-2 max-sm:p-0">
                    <span className="flex flex-wrap gap-1.5">
                      <IncidentStatusBadge status={i.status} deferred={!!i.deferredUntil && !i.promotedAt} />
                      {i.unansweredAt && <UnansweredBadge since={i.unansweredAt} />}
                    </span>
                    {i.status === "triggered" && i.deferredUntil && !i.promotedAt && (
                      <p className="mt-1 text-xs text-slate-500" title={`Client time (${i.client.timeZone})`}>
                        until {formatInZone(i.deferredUntil, i.client.timeZone)} {zoneAbbreviation(new Date(i.deferredUntil), i.client.timeZone)}, client time
                      </p>
                    )}
                  </TD>
                  <TD className="max-sm:col-start-2 max-sm:row-start-1 max-sm:self-start max-sm:p-0">
                    <PriorityBadge priority={i.priority} />
                  </TD>
                  <TD className="text-sm whitespace-nowrap text-slate-600 max-sm:col-span-2 max-sm:p-0 max-sm:text-xs max-sm:whitespace-normal max-sm:text-slate-500 max-sm:last:pr-0">
                    <span className="sm:hidden">Opened </span>
                    {when(i.triggeredAt, ctx.viewer.timeZone)}
                  </TD>
                  {internal && <TD className="hidden text-sm text-slate-600 lg:table-cell">{i.team?.name}</TD>}
                </TR>
              ))}
            </TBody>
          </Table>
          {incidents.nextCursor && (
            <div className="mt-4 flex justify-end">
              <Button asChild variant="outline">
                <Link href={`/incidents?${next.toString()}`}>Older incidents</Link>
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
