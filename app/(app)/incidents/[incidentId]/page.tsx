import type { Metadata } from "next";
import Link from "next/link";
import { BellOff, Check, CheckCheck, Clock, FileText } from "lucide-react";
import { MarkPagesRead } from "@/components/alarms/mark-pages-read";
import { IncidentStatusBadge, PriorityBadge, UnansweredBadge } from "@/components/incidents/incident-badges";
import { NotificationsPanel } from "@/components/incidents/notifications-panel";
import { NoteForm } from "@/components/incidents/note-form";
import { ChecklistPanel } from "@/components/incidents/checklist-panel";
import { ConfidentialToggle } from "@/components/incidents/confidential-toggle";
import { ParticipantsPanel } from "@/components/incidents/participants-panel";
import { StatusUpdatesPanel } from "@/components/incidents/status-updates-panel";
import { loadWorkspace } from "@/lib/workspace/load-workspace";
import * as ws from "../workspace-actions";
import { PageError } from "@/components/page-error";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { SOURCE_LABELS } from "@/lib/ingest/event-schema";
import { describeDeferral } from "@/lib/incidents/format";
import { listIncidentNotifications } from "@/lib/incidents/list-incident-notifications";
import { getIncident, listIncidentEvents, listIncidentTimeline } from "@/lib/incidents/read-incidents";
import type { TimelineEntryOutput } from "@/lib/incidents/schemas";
import { orInterrupt } from "@/lib/http/page-guard";
import { postmortemForIncident } from "@/lib/postmortems/for-incident";
import { readIncidentPagesAction } from "../../alarm-actions";
import { acknowledgeIncidentAction, addIncidentNoteAction, resolveIncidentAction } from "../actions";
import { IncidentCommunications } from "./incident-communications";
import { formatDateTime } from "@/lib/format/date-time";

export const metadata: Metadata = { title: "Incident" };

const at = (iso: string, zone: string) => formatDateTime(iso, zone, { seconds: true });
const PM_STATUS = { draft: "draft", in_review: "in review", published: "published" } as const;
/** "Post-mortem (draft)", "Post-mortem (published, rev 2)": the header's link to it. */
const postmortemLinkLabel = (pm: { status: keyof typeof PM_STATUS; revision: number }) =>
  `Post-mortem (${PM_STATUS[pm.status]}${pm.status === "published" && pm.revision ? `, rev ${pm.revision}` : ""})`;
const isWebUrl = (u: string) => /^https?:\/\//i.test(u);

const KIND_LABELS: Record<TimelineEntryOutput["kind"], string> = {
  triggered: "Triggered",
  received: "Received",
  deduplicated: "Deduplicated",
  prioritised: "Prioritised",
  deferred: "Deferred",
  promoted: "Promoted",
  escalation: "Escalation",
  notified: "Notified",
  delivered: "Delivered",
  read: "Read",
  notification_failed: "Notification failed",
  nobody_on_call: "Nobody on call",
  escalated: "Escalated",
  repeated: "Repeated",
  failed_over: "Failed over",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  note: "Note",
  evidence: "Evidence",
  custody: "Custody",
  stakeholder_update: "Stakeholder update",
  role_assigned: "Role assigned",
  role_removed: "Role removed",
  joined: "Joined",
  left: "Left",
  type_set: "Incident type",
  checklist: "Checklist",
  status_update: "Status update",
  confidentiality: "Confidentiality",
};
const KIND_DOT: Partial<Record<TimelineEntryOutput["kind"], string>> = {
  triggered: "bg-red-500",
  deferred: "bg-sky-500",
  notified: "bg-violet-500",
  read: "bg-sky-600",
  notification_failed: "bg-red-700",
  nobody_on_call: "bg-red-700",
  escalated: "bg-orange-500",
  failed_over: "bg-red-700",
  acknowledged: "bg-amber-500",
  resolved: "bg-emerald-500",
  note: "bg-indigo-500",
  status_update: "bg-teal-500",
  checklist: "bg-emerald-400",
  confidentiality: "bg-slate-700",
};

export default async function IncidentPage({ params, searchParams }: { params: Promise<{ incidentId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { incidentId } = await params;
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const incident = await orInterrupt(() => getIncident(ctx, incidentId));
  const internal = can(ctx.viewer, "incidents:read-internal");
  const respond = can(ctx.viewer, "incidents:respond");
  const workspace = internal ? await loadWorkspace(ctx, incidentId) : null;
  const [timeline, events, notifications, postmortem] = await Promise.all([
    listIncidentTimeline(ctx, incidentId),
    internal ? listIncidentEvents(ctx, incidentId, 10) : Promise.resolve([]),
    internal ? listIncidentNotifications(ctx, incidentId) : Promise.resolve([]),
    // Once there is one: the draft for staff, the published revision for stakeholders (only if they may read it).
    postmortemForIncident(ctx, incidentId),
  ]);
  const pagedAndUnread = notifications.some((n) => n.kind === "page" && n.person?.id === ctx.viewer.userId && (n.state === "sent" || n.state === "delivered"));
  const zone = ctx.viewer.timeZone;
  const alert = incident.alert;
  const waiting = incident.status === "triggered" && incident.deferredUntil && !incident.promotedAt;

  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 text-slate-400 tabular-nums">#{incident.number}</span>
            <span className="break-words">{incident.title}</span>
          </>
        }
        breadcrumb={[{ label: "Incidents", href: "/incidents" }, { label: `#${incident.number}` }]}
        badge={
          <span className="flex flex-wrap gap-2">
            <IncidentStatusBadge status={incident.status} deferred={!!waiting} />
            {incident.unansweredAt && <UnansweredBadge since={incident.unansweredAt} />}
            <PriorityBadge priority={incident.priority} />
          </span>
        }
        description={`${incident.service.name} · ${incident.client.name}${incident.team ? ` · ${incident.team.name}` : ""}`}
        actions={
          (postmortem || (respond && incident.status !== "resolved")) && (
            <>
              {postmortem && (
                <Button asChild variant="outline">
                  <Link href={`/postmortems/${postmortem.id}`}>
                    <FileText className="size-4" aria-hidden /> {postmortemLinkLabel(postmortem)}
                  </Link>
                </Button>
              )}
              {respond && incident.status === "triggered" && (
                <form action={acknowledgeIncidentAction}>
                  <input type="hidden" name="incidentId" value={incident.id} />
                  <Button type="submit">
                    <Check className="size-4" aria-hidden /> Acknowledge
                  </Button>
                </form>
              )}
              {respond && incident.status !== "resolved" && (
                <form action={resolveIncidentAction}>
                  <input type="hidden" name="incidentId" value={incident.id} />
                  <Button type="submit" variant={incident.status === "triggered" ? "outline" : "primary"}>
                    <CheckCheck className="size-4" aria-hidden /> Resolve
                  </Button>
                </form>
              )}
            </>
          )
        }
      />
      <PageError error={error} />
      {workspace && <ConfidentialToggle incidentId={incident.id} confidential={incident.confidential} canManage={workspace.canManage} action={ws.setConfidentialAction} />}
      {pagedAndUnread && <MarkPagesRead incidentId={incident.id} action={readIncidentPagesAction} />}
      {incident.unansweredAt && (
        <Alert variant="danger" icon={BellOff} className="mb-6" title="Nobody answered this page">
          The escalation ran out with nobody answering ({at(incident.unansweredAt, zone)}) and the failover contacts were emailed. Acknowledge it if you are taking it.
        </Alert>
      )}
      {waiting && (
        <Alert variant="info" icon={Clock} className="mb-6" title={`Outside ${incident.client.name}'s business hours`}>
          This {incident.priority}-priority incident {describeDeferral(incident.deferredUntil!, incident.client.timeZone)}; escalation begins then.
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {workspace && <StatusUpdatesPanel incidentId={incident.id} incidentStatus={incident.status} view={workspace} timeZone={zone} post={ws.postStatusUpdateAction} />}
          {workspace && <ChecklistPanel incidentId={incident.id} view={workspace} timeZone={zone} setType={ws.setIncidentTypeAction} tick={ws.tickChecklistItemAction} />}
          <Card>
            <CardHeader>
              <CardTitle>Timeline</CardTitle>
              <CardDescription>Every step, in your time zone ({zone}); stored in UTC.</CardDescription>
            </CardHeader>
            <CardContent>
              <ol className="relative space-y-5 border-l border-slate-200 pl-5" aria-label="Timeline">
                {timeline.map((row) => (
                  <li key={row.id} className="relative">
                    <span aria-hidden className={`absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full ring-4 ring-white ${KIND_DOT[row.kind] ?? "bg-slate-300"}`} />
                    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
                      <span className="text-sm font-semibold text-slate-900">{KIND_LABELS[row.kind]}</span>
                      <time dateTime={row.at} className="text-xs text-slate-500 tabular-nums">
                        {at(row.at, zone)}
                      </time>
                      <span className="text-xs text-slate-500">· {row.actor.label}</span>
                    </div>
                    <p className={`mt-0.5 text-sm break-words ${row.kind === "note" ? "rounded-md bg-indigo-50/60 px-3 py-2 whitespace-pre-wrap text-slate-800" : "text-slate-700"}`}>{row.message}</p>
                  </li>
                ))}
              </ol>
              {respond && (
                <div className="mt-6 border-t border-slate-100 pt-5">
                  <NoteForm incidentId={incident.id} action={addIncidentNoteAction} />
                </div>
              )}
            </CardContent>
          </Card>
          {internal && events.length > 0 && (
            <Card>
              <CardHeader>
                <CardTitle>Raw events</CardTitle>
                <CardDescription>The payloads as received (routing keys redacted), newest first.</CardDescription>
              </CardHeader>
              <CardContent className="space-y-3">
                {events.map((e, idx) => (
                  <details key={e.id} open={idx === 0} className="rounded-lg border border-slate-200">
                    <summary className="cursor-pointer px-3 py-2 text-sm text-slate-700">
                      <span className="font-medium">{SOURCE_LABELS[e.source]}</span> · {e.action} · {e.outcome} · <time dateTime={e.receivedAt}>{at(e.receivedAt, zone)}</time>
                    </summary>
                    <pre className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-5 whitespace-pre-wrap wrap-anywhere text-slate-800">{JSON.stringify(e.payload, null, 2)}</pre>
                  </details>
                ))}
              </CardContent>
            </Card>
          )}
          <IncidentCommunications ctx={ctx} incident={incident} />
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y divide-slate-100 text-sm">
                {[
                  ["Opened", at(incident.triggeredAt, zone)],
                  ["Client", `${incident.client.name} (${incident.client.timeZone.replaceAll("_", " ")})`],
                  ["Service", incident.service.name],
                  ...(incident.team ? [["Team", incident.team.name]] : []),
                  ...(incident.acknowledgedAt ? [["Acknowledged", `${at(incident.acknowledgedAt, zone)}${incident.acknowledgedBy ? ` by ${incident.acknowledgedBy.name}` : ""}`]] : []),
                  ...(incident.resolvedAt ? [["Resolved", `${at(incident.resolvedAt, zone)}${incident.resolvedBy ? ` by ${incident.resolvedBy.name}` : ""}`]] : []),
                  ...(alert
                    ? [
                        ["Source", `${SOURCE_LABELS[alert.source]}${alert.senderName ? ` (${alert.senderName})` : ""}`],
                        ["Severity", alert.severity],
                        ["Priority rule", alert.priorityRule ? `${alert.priorityRule.scope === "service" ? "Service" : "Client"} rule ${alert.priorityRule.position}: ${alert.priorityRule.name}` : "Default mapping"],
                        ["Dedup key", alert.dedupKey],
                        ["Events", `${alert.eventCount} (last ${at(alert.lastSeenAt, zone)})`],
                        ...(alert.eventSource ? [["Host / source", alert.eventSource]] : []),
                        ...(alert.component ? [["Component", alert.component]] : []),
                        ...(alert.group ? [["Group", alert.group]] : []),
                        ...(alert.class ? [["Class", alert.class]] : []),
                      ]
                    : []),
                ].map(([k, v]) => (
                  <div key={k} className="grid grid-cols-[7.5rem_1fr] gap-3 py-2">
                    <dt className="text-slate-500">{k}</dt>
                    <dd className="min-w-0 break-words text-slate-900">{v}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          {workspace && <ParticipantsPanel incidentId={incident.id} view={workspace} assign={ws.assignRoleAction} join={ws.joinIncidentAction} remove={ws.removeParticipantAction} />}
          {internal && <NotificationsPanel notifications={notifications} timeZone={zone} />}
          {alert && (alert.links.length > 0 || alert.images.length > 0) && (
            <Card>
              <CardHeader>
                <CardTitle>Links and images</CardTitle>
                <CardDescription>Sent with the alert.</CardDescription>
              </CardHeader>
              <CardContent className="space-y-4">
                {alert.links.length > 0 && (
                  <ul className="space-y-1.5 text-sm" aria-label="Links">
                    {alert.links.map((l, i) => (
                      <li key={i} className="break-all">
                        {isWebUrl(l.href) ? (
                          <a href={l.href} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-indigo-700 hover:underline">
                            {l.text || l.href}
                          </a>
                        ) : (
                          <span className="text-slate-700">
                            {l.text ? `${l.text}: ` : ""}
                            <code className="text-xs">{l.href}</code>
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {alert.images
                  .filter((img) => isWebUrl(img.src))
                  .map((img, i) => (
                    <figure key={i}>
                      {/* eslint-disable-next-line @next/next/no-img-element -- arbitrary monitoring hosts; never proxied */}
                      <img src={img.src} alt={img.alt ?? "Image sent with the alert"} loading="lazy" referrerPolicy="no-referrer" className="max-h-60 w-full rounded-md border border-slate-200 object-contain" />
                      {img.alt && <figcaption className="mt-1 text-xs text-slate-500">{img.alt}</figcaption>}
                    </figure>
                  ))}
              </CardContent>
            </Card>
          )}
          {alert?.customDetails !== undefined && alert?.customDetails !== null && (
            <Card>
              <CardHeader>
                <CardTitle>{alert.source === "manual" ? "Details" : "Custom details"}</CardTitle>
              </CardHeader>
              <CardContent>
                {/* Text (a declared incident's details) reads as written, not as a quoted JSON string. */}
                {typeof alert.customDetails === "string" ? (
                  <p className="max-h-80 overflow-auto text-sm leading-6 whitespace-pre-wrap wrap-anywhere text-slate-800">{alert.customDetails}</p>
                ) : (
                  <pre className="max-h-80 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs leading-5 whitespace-pre-wrap wrap-anywhere text-slate-800">{JSON.stringify(alert.customDetails, null, 2)}</pre>
                )}
              </CardContent>
            </Card>
          )}
          {!internal && (
            <p className="text-sm text-slate-600">
              <Badge variant="neutral">Read only</Badge>{" "}
              {incident.status === "resolved" ? (
                <>
                  Your MSP&apos;s team resolved this{incident.resolvedAt ? ` on ${at(incident.resolvedAt, zone)}` : ""}.
                  {postmortem && (
                    <>
                      {" "}
                      <Link href={`/postmortems/${postmortem.id}`} className="font-medium text-brand-700 underline">
                        {postmortem.status === "in_review" ? "Review its post-mortem" : "Read its post-mortem"}
                      </Link>
                    </>
                  )}
                </>
              ) : (
                "Your MSP's team is working on this; status changes appear here."
              )}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
