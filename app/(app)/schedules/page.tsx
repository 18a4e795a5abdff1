import type { Metadata } from "next";
import Link from "next/link";
import { CalendarDays, CalendarRange, Inbox, Plus, TriangleAlert } from "lucide-react";
import { formatInstant, formatRelative } from "@/components/schedules/format";
import { isOpen, isVisibleTo, waitsFor, type RequestViewer } from "@/components/schedules/request-rules";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { listSchedules } from "@/lib/schedules/read-schedules";
import { listSwapRequests } from "@/lib/swaps/read-swap-requests";
import { listTeams } from "@/lib/teams/read-teams";

export const metadata: Metadata = { title: "Schedules" };

export default async function SchedulesPage() {
  const ctx = await requireSessionCtx();
  const schedules = await orInterrupt(() => listSchedules(ctx));
  const manage = can(ctx.viewer, "schedules:manage");
  const [teams, requests] = await Promise.all([
    can(ctx.viewer, "teams:read") ? listTeams(ctx, { limit: 200 }) : { data: [] },
    can(ctx.viewer, "swaps:request") ? listSwapRequests(ctx, { open: true }) : [],
  ]);
  const teamName = new Map(teams.data.map((t) => [t.id, t.name]));
  const teamOf = new Map(schedules.map((s) => [s.id, s.teamId]));
  const viewer: RequestViewer = { userId: ctx.viewer.userId, teamIds: ctx.viewer.teamIds, canApprove: can(ctx.viewer, "swaps:approve") };
  const open = requests.filter((r) => isOpen(r) && isVisibleTo(r, viewer, teamOf.get(r.scheduleId) ?? null));
  const waiting = open.filter((r) => waitsFor(r, viewer, teamOf.get(r.scheduleId) ?? null)).length;
  const zone = ctx.viewer.timeZone;

  return (
    <>
      <PageHeader
        title="Schedules"
        description="Who is on call, when, and who takes over next. Times are in your zone."
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/schedules/mine">
                <CalendarRange className="size-4" aria-hidden /> My shifts
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/schedules/requests">
                <Inbox className="size-4" aria-hidden /> Requests
                {open.length > 0 && (
                  <Badge variant={waiting > 0 ? "brand" : "neutral"} aria-label={`${open.length} open`}>
                    {open.length}
                  </Badge>
                )}
              </Link>
            </Button>
            {manage && (
              <Button asChild>
                <Link href="/schedules/new">
                  <Plus className="size-4" aria-hidden /> New schedule
                </Link>
              </Button>
            )}
          </>
        }
      />
      {schedules.length === 0 ? (
        <EmptyState
          icon={CalendarDays}
          title="No schedules yet"
          description={manage ? "Create a schedule, add a rotation layer with its people, and Baton shows who is on call at every moment." : "Nobody has built a schedule yet. A manager creates them."}
          action={
            manage && (
              <Button asChild>
                <Link href="/schedules/new">
                  <Plus className="size-4" aria-hidden /> New schedule
                </Link>
              </Button>
            )
          }
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Schedules">
          {schedules.map((s) => (
            <li key={s.id}>
              <Card className={s.gapsNext14Days > 0 ? "h-full border-red-200" : "h-full"}>
                <CardContent className="flex h-full flex-col gap-4">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h2 className="line-clamp-2 text-[0.9375rem] font-semibold break-words text-slate-900">
                        <Link href={`/schedules/${s.id}`} className="hover:text-brand-700 focus-visible:underline">
                          {s.name}
                        </Link>
                      </h2>
                      <p className="mt-0.5 text-xs text-slate-500">
                        <span className="whitespace-nowrap">{s.timeZone.replaceAll("_", " ")}</span>
                        {s.teamId && teamName.get(s.teamId) ? <span className="whitespace-nowrap"> · {teamName.get(s.teamId)}</span> : null}
                      </p>
                    </div>
                    {s.layers.length === 0 ? (
                      <Badge variant="warning">No rotation</Badge>
                    ) : s.gapsNext14Days > 0 ? (
                      <Badge variant="danger" dot>
                        {s.gapsNext14Days} {s.gapsNext14Days === 1 ? "gap" : "gaps"}
                      </Badge>
                    ) : (
                      <Badge variant="success" dot>
                        Covered
                      </Badge>
                    )}
                  </div>
                  <dl className="grid gap-3 text-sm">
                    <div>
                      <dt className="text-xs font-medium text-slate-500">On call now</dt>
                      <dd className="mt-1 flex items-center gap-2">
                        {s.onCallNow.userName ? (
                          <>
                            <Avatar name={s.onCallNow.userName} size="sm" decorative />
                            <span className="font-medium text-slate-900">{s.onCallNow.userName}</span>
                          </>
                        ) : (
                          <span className="font-medium text-red-700">Nobody</span>
                        )}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-xs font-medium text-slate-500">Next handoff</dt>
                      <dd className="mt-1 text-slate-700">
                        {s.nextHandoff ? (
                          <>
                            <time dateTime={s.nextHandoff}>{formatInstant(s.nextHandoff, zone, { withZone: true })}</time>{" "}
                            <span className="text-slate-500">({formatRelative(s.nextHandoff, ctx.now)})</span>
                          </>
                        ) : (
                          <span className="text-slate-500">None in the next 14 days</span>
                        )}
                      </dd>
                    </div>
                  </dl>
                  {s.gapsNext14Days > 0 && (
                    <p className="flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-xs font-medium text-red-800" role="status">
                      <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                      Nobody is on call for part of the next 14 days.
                    </p>
                  )}
                  <div className="mt-auto flex items-center justify-between border-t border-slate-100 pt-3 text-xs text-slate-500">
                    <span>
                      {s.layers.length} {s.layers.length === 1 ? "layer" : "layers"}
                    </span>
                    <Link href={`/schedules/${s.id}`} className="font-medium text-brand-700 hover:underline" aria-label={`Open ${s.name}`}>
                      Open calendar →
                    </Link>
                  </div>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
