import type { Metadata } from "next";
import Link from "next/link";
import { PageError } from "@/components/page-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import { requestOrigin, requireSessionCtx } from "@/lib/auth/session-viewer";
import { localDateTimeAt } from "@/lib/core/time";
import { orInterrupt } from "@/lib/http/page-guard";
import { SOURCE_LABELS } from "@/lib/ingest/event-schema";
import { getService, listServiceAlerts } from "@/lib/services/read-services";
import { listPolicies } from "@/lib/escalation-policies/list-policies";
import { listTeams } from "@/lib/teams/read-teams";
import { deleteHeartbeatAction, deleteServiceAction, endMaintenanceWindowAction, revokeIntegrationKeyAction } from "../actions";
import { CreateKeyForm, EmailRulesForm, HeartbeatForm, MaintenanceForm, ServiceForm, ServicePriorityRulesForm } from "../service-forms";
import { formatDateTime } from "@/lib/format/date-time";

export const metadata: Metadata = { title: "Service" };

const when = (iso: string | null, zone: string) => (iso ? formatDateTime(iso, zone) : "—");
const HEARTBEAT_BADGE = { waiting: { variant: "neutral", label: "Waiting for first ping" }, up: { variant: "success", label: "Up" }, down: { variant: "danger", label: "Missed" } } as const;
const SUPPRESSED: Record<string, string> = { maintenance: "Maintenance: not paged", low_record_only: "Low: recorded only" };

function Snippet({ children, label }: { children: string; label: string }) {
  return (
    <pre aria-label={label} className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2.5 font-mono text-xs leading-5 text-slate-100">
      {children}
    </pre>
  );
}

export default async function ServicePage({ params, searchParams }: { params: Promise<{ serviceId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { serviceId } = await params;
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const service = await orInterrupt(() => getService(ctx, serviceId));
  const manage = can(ctx.viewer, "services:manage");
  const maintain = can(ctx.viewer, "maintenance:manage");
  const [recent, teams, policies, origin] = await Promise.all([
    listServiceAlerts(ctx, serviceId, 15),
    manage ? listTeams(ctx, { limit: 200 }) : Promise.resolve({ data: [] }),
    manage ? listPolicies(ctx, { limit: 200 }) : Promise.resolve({ data: [] }),
    requestOrigin(),
  ]);
  const zone = ctx.viewer.timeZone;
  const local = localDateTimeAt(ctx.now.getTime() + 3_600_000, zone);
  const defaultStart = `${local.date}T${String(Math.floor(local.msOfDay / 3_600_000)).padStart(2, "0")}:00`;
  const activeKeys = service.integrationKeys.filter((k) => !k.revokedAt);

  return (
    <>
      <PageHeader
        title={service.name}
        description={service.description || undefined}
        breadcrumb={[{ label: "Services", href: "/services" }, { label: service.name }]}
        badge={service.inMaintenance ? <Badge variant="info">In maintenance</Badge> : undefined}
        actions={
          <Button asChild variant="outline">
            <Link href={`/incidents?serviceId=${service.id}`}>Incidents{service.openIncidents > 0 ? ` (${service.openIncidents} open)` : ""}</Link>
          </Button>
        }
      />
      <PageError error={error} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Integration keys</CardTitle>
              <CardDescription>PagerDuty-style routing keys. A key is shown once when created; Baton keeps only its first 8 characters and a hash.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-5">
              {manage && <CreateKeyForm serviceId={service.id} />}
              {service.integrationKeys.length === 0 ? (
                <p className="text-sm text-slate-600">No keys yet{manage ? "" : ": ask a manager to create one"}.</p>
              ) : (
                <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Integration keys">
                  {service.integrationKeys.map((k) => (
                    <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2.5">
                      <div className="min-w-0">
                        <p className="text-sm font-medium text-slate-900">{k.name}</p>
                        <p className="text-xs text-slate-500">
                          <code className="font-mono">{k.prefix}…</code> · created {when(k.createdAt, zone)} · last used {when(k.lastUsedAt, zone)}
                        </p>
                      </div>
                      {k.revokedAt ? (
                        <Badge variant="neutral">Revoked</Badge>
                      ) : (
                        manage && (
                          <form action={revokeIntegrationKeyAction}>
                            <input type="hidden" name="serviceId" value={service.id} />
                            <input type="hidden" name="keyId" value={k.id} />
                            <Button type="submit" size="sm" variant="outline" aria-label={`Revoke ${k.name}`}>
                              Revoke
                            </Button>
                          </form>
                        )
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {activeKeys.length > 0 && (
                <details className="rounded-lg border border-slate-200">
                  <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-slate-800">How to send alerts here</summary>
                  <div className="space-y-3 border-t border-slate-200 px-4 py-3 text-sm text-slate-700">
                    <p>PagerDuty Events API v2 (any tool that pages PagerDuty): change its URL to</p>
                    <Snippet label="Events API URL">{`${origin}/v2/enqueue`}</Snippet>
                    <Snippet label="curl example">{`curl -X POST ${origin}/v2/enqueue -H 'content-type: application/json' \\\n  -d '{"routing_key":"<KEY>","event_action":"trigger","dedup_key":"disk-imaging-01",\n       "payload":{"summary":"Disk 91% full","source":"imaging-01","severity":"warning"}}'`}</Snippet>
                    <p>
                      Alertmanager, Grafana, generic JSON and email take the key as a bearer token at <code>/api/v1/integrations/alertmanager</code>, <code>/grafana</code>, <code>/api/v1/alerts</code> and <code>/api/v1/integrations/email</code>; the README has copy-paste configurations.
                    </p>
                    <p>
                      Email without a mail server: with Resend inbound (a webhook for <code>email.received</code> at <code>/api/v1/integrations/resend</code>), point the monitoring tool at <code>&lt;KEY&gt;@your-inbound-domain</code>.
                    </p>
                  </div>
                </details>
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Priority rules</CardTitle>
              <CardDescription>
                Tried in order before {service.client.name}&apos;s own rules; the first match sets the priority. High pages now; medium and low wait for the client&apos;s business hours.{" "}
                <Link href={`/clients/${service.client.id}/priority-rules`} className="font-medium text-indigo-700 hover:underline">
                  Client rules
                </Link>
              </CardDescription>
            </CardHeader>
            <CardContent>
              {manage ? (
                <ServicePriorityRulesForm serviceId={service.id} rules={service.priorityRules} />
              ) : service.priorityRules.length === 0 ? (
                <p className="text-sm text-slate-600">No service rules.</p>
              ) : (
                <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
                  {service.priorityRules.map((r) => (
                    <li key={r.id}>
                      {r.name} → <strong>{r.priority}</strong>
                    </li>
                  ))}
                </ol>
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Recent alerts</CardTitle>
              <CardDescription>Including those recorded without paging.</CardDescription>
            </CardHeader>
            <CardContent>
              {recent.length === 0 ? (
                <p className="text-sm text-slate-600">Nothing received yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100" aria-label="Recent alerts">
                  {recent.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
                      <div className="min-w-0">
                        <p className="text-sm break-words text-slate-900">{a.incidentId ? <Link href={`/incidents/${a.incidentId}`} className="font-medium hover:text-indigo-600">{a.summary}</Link> : a.summary}</p>
                        <p className="text-xs text-slate-500">
                          {SOURCE_LABELS[a.source]} · {a.eventCount} event{a.eventCount === 1 ? "" : "s"} · last {when(a.lastSeenAt, zone)}
                        </p>
                      </div>
                      <div className="flex gap-1.5">
                        {a.suppressedReason && <Badge variant="info">{SUPPRESSED[a.suppressedReason] ?? a.suppressedReason}</Badge>}
                        <Badge variant={a.status === "resolved" ? "success" : a.status === "acknowledged" ? "warning" : "danger"}>{a.status}</Badge>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>

          {(manage || service.emailRules.length > 0) && (
            <Card>
              <CardHeader>
                <CardTitle>Email rules</CardTitle>
                <CardDescription>For mail forwarded to the email integration: the first rule whose patterns match decides.</CardDescription>
              </CardHeader>
              <CardContent>
                {manage ? (
                  <EmailRulesForm serviceId={service.id} rules={service.emailRules} />
                ) : (
                  <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
                    {service.emailRules.map((r, i) => (
                      <li key={i}>
                        {r.name}: {r.action}
                      </li>
                    ))}
                  </ol>
                )}
              </CardContent>
            </Card>
          )}
        </div>

        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <dl className="divide-y divide-slate-100 text-sm">
                <div className="flex justify-between gap-3 py-2">
                  <dt className="text-slate-500">Client</dt>
                  <dd>
                    <Link href={`/clients/${service.client.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                      {service.client.name}
                    </Link>
                  </dd>
                </div>
                <div className="flex justify-between gap-3 py-2">
                  <dt className="text-slate-500">Team</dt>
                  <dd className="text-slate-900">{service.team.name}</dd>
                </div>
                <div className="flex justify-between gap-3 py-2">
                  <dt className="text-slate-500">Escalation policy</dt>
                  <dd className="min-w-0 text-right">
                    {service.escalationPolicy ? (
                      <Link href={`/escalation-policies/${service.escalationPolicy.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                        {service.escalationPolicy.name}
                      </Link>
                    ) : (
                      <Badge variant="warning">None: failover at once</Badge>
                    )}
                  </dd>
                </div>
              </dl>
              {manage && <ServiceForm teams={teams.data.map((t) => ({ id: t.id, name: t.name }))} policies={policies.data.map((p) => ({ id: p.id, name: p.name }))} values={{ serviceId: service.id, name: service.name, description: service.description, teamId: service.team.id, escalationPolicyId: service.escalationPolicyId }} />}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Maintenance</CardTitle>
              <CardDescription>During a window, alerts are recorded and nobody is paged.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              {service.maintenanceWindows.length > 0 && (
                <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Maintenance windows">
                  {service.maintenanceWindows.map((w) => {
                    const open = new Date(w.startsAt).getTime() <= ctx.now.getTime();
                    return (
                      <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                        <div className="min-w-0 text-sm">
                          <p className="text-slate-900">
                            {when(w.startsAt, zone)} → {when(w.endsAt, zone)}
                          </p>
                          {w.reason && <p className="text-xs text-slate-500">{w.reason}</p>}
                        </div>
                        {maintain && (
                          <form action={endMaintenanceWindowAction}>
                            <input type="hidden" name="serviceId" value={service.id} />
                            <input type="hidden" name="windowId" value={w.id} />
                            <Button type="submit" size="sm" variant="outline">
                              {open ? "End now" : "Cancel"}
                            </Button>
                          </form>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              {maintain ? <MaintenanceForm serviceId={service.id} defaultStart={defaultStart} timeZone={zone} /> : service.maintenanceWindows.length === 0 && <p className="text-sm text-slate-600">None scheduled.</p>}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Heartbeats</CardTitle>
              <CardDescription>A job POSTs to its ping URL every interval; a missed ping opens an incident, the next ping resolves it.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              {service.heartbeats.length > 0 && (
                <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Heartbeats">
                  {service.heartbeats.map((h) => (
                    <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                      <div className="min-w-0 text-sm">
                        <p className="font-medium text-slate-900">{h.name}</p>
                        <p className="text-xs text-slate-500">
                          every {h.intervalMinutes} min (+{h.graceMinutes}) · last ping {when(h.lastPingAt, zone)}
                        </p>
                      </div>
                      <div className="flex items-center gap-2">
                        <Badge variant={HEARTBEAT_BADGE[h.state].variant}>{HEARTBEAT_BADGE[h.state].label}</Badge>
                        {manage && (
                          <form action={deleteHeartbeatAction}>
                            <input type="hidden" name="serviceId" value={service.id} />
                            <input type="hidden" name="heartbeatId" value={h.id} />
                            <Button type="submit" size="sm" variant="ghost" aria-label={`Delete heartbeat ${h.name}`}>
                              Delete
                            </Button>
                          </form>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {manage ? <HeartbeatForm serviceId={service.id} /> : service.heartbeats.length === 0 && <p className="text-sm text-slate-600">None.</p>}
            </CardContent>
          </Card>

          {manage && (
            <Card className="border-red-200">
              <CardHeader>
                <CardTitle>Delete service</CardTitle>
                <CardDescription>Only a service without incidents can be deleted (their history stays); revoke its keys instead.</CardDescription>
              </CardHeader>
              <CardContent>
                <ConfirmDialog
                  action={deleteServiceAction}
                  hidden={{ serviceId: service.id }}
                  title={`Delete ${service.name}?`}
                  description="Its keys, rules, maintenance windows and heartbeats go with it. Type the service's name to confirm."
                  confirmText={service.name}
                  confirmLabel="Delete service"
                  triggerLabel="Delete service…"
                />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
