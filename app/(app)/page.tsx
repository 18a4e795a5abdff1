import type { Metadata } from "next";
import Link from "next/link";
import { BellOff, Building2, CalendarClock, Users } from "lucide-react";
import { PriorityBadge } from "@/components/incidents/incident-badges";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listClients } from "@/lib/clients/read-clients";
import { listIncidents } from "@/lib/incidents/read-incidents";
import { describeBusinessHours, isWithinBusinessHours, wallClockAt } from "@/lib/core/business-hours";
import { arduousCoverSuggestions } from "@/lib/schedules/arduous-suggestions";
import { listSchedules } from "@/lib/schedules/read-schedules";
import { Alert } from "@/components/ui/alert";
import { listTeams } from "@/lib/teams/read-teams";
import { Avatar } from "@/components/ui/avatar";
import { formatInstant } from "@/components/schedules/format";
import { PostmortemAttentionCard } from "@/components/postmortems/postmortem-attention-card";
import { listPostmortemAttention } from "@/lib/postmortems/list-attention";
import { HeadlineCards } from "@/components/reports/headline-cards";
import { reportHeadlines } from "@/lib/reports/report-headlines";

export const metadata: Metadata = { title: "On call" };

export default async function DashboardPage() {
  const ctx = await requireSessionCtx();
  const { viewer, now } = ctx;
  const clients = (await listClients(ctx, { limit: 50 })).data;
  const teams = can(viewer, "teams:read") ? (await listTeams(ctx, { limit: 50 })).data : [];
  const internal = viewer.role !== "stakeholder";
  const onCall = can(viewer, "schedules:read") ? await listSchedules(ctx) : [];
  const restOwed = can(viewer, "schedules:read") ? await arduousCoverSuggestions(ctx) : [];
  const unanswered = internal ? (await listIncidents(ctx, { unanswered: true, limit: 10 })).data : [];
  const postmortemAttention = await listPostmortemAttention(ctx);
  const headlines = await reportHeadlines({ ctx });
  const firstName = (viewer.name || viewer.email).split(" ")[0];
  return (
    <>
      <PageHeader title={`Good to see you, ${firstName}`} description={internal ? "Who is on call, what is open, and your clients' business hours at a glance." : "Your organisation's incidents and reports."} />
      {unanswered.length > 0 && (
        <Card className="mb-6 border-red-300 ring-4 ring-red-100" aria-labelledby="unanswered-title">
          <CardHeader className="rounded-t-[11px] bg-red-600 pb-4 text-white">
            <CardTitle id="unanswered-title" className="flex items-center gap-2 text-white">
              <BellOff className="size-5" aria-hidden /> Unanswered incidents
            </CardTitle>
            <CardDescription className="text-red-50">Nobody answered these pages before the escalation ran out. Open one and acknowledge it if you can take it.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-slate-100" aria-label="Unanswered incidents">
              {unanswered.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <Link href={`/incidents/${i.id}`} className="font-medium break-words text-slate-900 hover:text-indigo-600">
                      <span className="mr-1.5 text-slate-500 tabular-nums">#{i.number}</span>
                      {i.title}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {i.service.name} · {i.client.name} · unanswered since {formatInstant(i.unansweredAt!, viewer.timeZone, { withZone: true })}
                    </p>
                  </div>
                  <span className="flex items-center gap-2">
                    <PriorityBadge priority={i.priority} />
                    <Button asChild size="sm" variant="danger">
                      <Link href={`/incidents/${i.id}`}>Take it</Link>
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
      <PostmortemAttentionCard attention={postmortemAttention} />
      {restOwed.length > 0 && (
        <Alert variant="warning" title="Rest owed after an arduous shift" className="mb-6">
          <ul className="mt-1 space-y-1">
            {restOwed.map((r) => (
              <li key={`${r.scheduleId}-${r.userId}`}>
                {r.userName} had {r.sleepBandPages} pages in their sleep hours on {r.scheduleName}: find cover for{" "}
                {r.shifts.map((s) => formatInstant(s.start, viewer.timeZone, { withZone: true })).join(", ")}.{" "}
                <Link href={`/schedules/${r.scheduleId}`} className="font-medium underline">
                  Open the schedule
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <HeadlineCards headlines={headlines} />
      <div className="grid gap-6 lg:grid-cols-3">
        {internal && (
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>On call now</CardTitle>
              <CardDescription>Every schedule, who holds it and the next handoff.</CardDescription>
            </CardHeader>
            <CardContent>
              {onCall.length === 0 ? (
                <EmptyState
                  variant="plain"
                  icon={CalendarClock}
                  headingLevel="h3"
                  title="No schedules yet"
                  description={can(viewer, "schedules:manage") ? "Create a schedule to see who holds it here, with coverage gaps in the next 14 days flagged." : "When your team has a schedule, who holds it appears here."}
                />
              ) : (
                <ul className="divide-y divide-slate-100" aria-label="On call now">
                  {onCall.map((s) => (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                      <div className="min-w-0">
                        <Link href={`/schedules/${s.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                          {s.name}
                        </Link>
                        <p className="text-xs text-slate-500">
                          {s.nextHandoff ? `Next handoff ${formatInstant(s.nextHandoff, viewer.timeZone, { withZone: true })}` : "No handoff in the next 14 days"}
                        </p>
                      </div>
                      <div className="flex items-center gap-2">
                        {s.gapsNext14Days > 0 && (
                          <Badge variant="danger" dot>
                            {s.gapsNext14Days} coverage {s.gapsNext14Days === 1 ? "gap" : "gaps"} in 14 days
                          </Badge>
                        )}
                        {s.onCallNow.userName ? (
                          <span className="flex items-center gap-2 text-sm font-medium text-slate-800">
                            <Avatar name={s.onCallNow.userName} size="sm" /> {s.onCallNow.userName}
                          </span>
                        ) : (
                          <Badge variant="danger">Nobody on call</Badge>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        )}
        {internal && (
          <Card>
            <CardHeader>
              <CardTitle>Your teams</CardTitle>
              <CardDescription>{can(viewer, "teams:manage") ? "All teams" : "Teams you belong to"}</CardDescription>
            </CardHeader>
            <CardContent>
              {teams.length === 0 ? (
                <p className="text-sm text-slate-600">No teams yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {teams.map((t) => (
                    <li key={t.id} className="flex items-center justify-between gap-3 py-2.5">
                      <Link href={`/teams/${t.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                        {t.name}
                      </Link>
                      <span className="flex items-center gap-1 text-xs text-slate-500">
                        <Users className="size-3.5" aria-hidden /> {t.memberCount}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        )}
        <Card className={internal ? "lg:col-span-3" : "lg:col-span-3"}>
          <CardHeader>
            <CardTitle>Clients</CardTitle>
            <CardDescription>Local time and whether they are inside business hours (medium and low alerts wait outside them).</CardDescription>
          </CardHeader>
          <CardContent>
            {clients.length === 0 ? (
              <EmptyState variant="plain" icon={Building2} headingLevel="h3" title="No clients yet" description={can(viewer, "clients:manage") ? "Add your first client to set its time zone and business hours." : "No client is shared with you yet."} />
            ) : (
              <ul className="grid gap-3 sm:grid-cols-2">
                {clients.map((c) => {
                  const open = isWithinBusinessHours(c.businessHours, c.holidays.map((h) => h.date), c.timeZone, now);
                  const local = wallClockAt(c.timeZone, now);
                  return (
                    <li key={c.id} className="rounded-lg border border-slate-200 p-4">
                      <div className="flex items-start justify-between gap-3">
                        <Link href={`/clients/${c.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                          {c.name}
                        </Link>
                        <Badge variant={open ? "success" : "neutral"} dot>
                          {open ? "Business hours" : "After hours"}
                        </Badge>
                      </div>
                      <p className="mt-1 text-sm text-slate-600">
                        {local.time} local · {c.timeZone}
                      </p>
                      <p className="mt-0.5 text-xs text-slate-500">{describeBusinessHours(c.businessHours)}</p>
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
