import type { Metadata } from "next";
import Link from "next/link";
import { count, inArray, max } from "drizzle-orm";
import { CalendarRange, Inbox } from "lucide-react";
import { PageError } from "@/components/page-error";
import { formatInstant, formatRelative, todayIn } from "@/components/schedules/format";
import { LayersSection } from "@/components/schedules/layers-section";
import { isOpen, isVisibleTo, type RequestViewer } from "@/components/schedules/request-rules";
import { ScheduleCalendar } from "@/components/schedules/schedule-calendar";
import { ScheduleForm } from "@/components/schedules/schedule-form";
import { TimeOffPanel } from "@/components/schedules/time-off-panel";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { layerAssignments } from "@/db/schema";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { GAP_HORIZON_DAYS, getSchedule } from "@/lib/schedules/read-schedules";
import { listTimeOff } from "@/lib/schedules/time-off";
import { listSwapRequests } from "@/lib/swaps/read-swap-requests";
import { getTeam } from "@/lib/teams/read-teams";
import { listUsers } from "@/lib/users/read-users";
import {
  createOverrideAction,
  createSwapRequestAction,
  createTimeOffAction,
  deleteLayerAction,
  deleteOverrideAction,
  deleteScheduleAction,
  deleteTimeOffAction,
  loadShiftsAction,
  previewFillAction,
  publishFillAction,
  saveLayerAction,
  shiftInstanceAction,
  upcomingShiftsAction,
  updateScheduleAction,
} from "../actions";
import { scheduleFormOptions } from "../schedule-form-options";
import { IcalFeed } from "../ical-feed";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({ params, searchParams }: { params: Promise<{ scheduleId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { scheduleId } = await params;
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const schedule = await orInterrupt(() => getSchedule(ctx, scheduleId));
  const { viewer } = ctx;
  const manage = can(viewer, "schedules:manage");
  const canRequest = can(viewer, "swaps:request");
  const today = todayIn(viewer.timeZone, ctx.now);
  const inTeam = schedule.teamId !== null && (can(viewer, "teams:manage") || viewer.teamIds.includes(schedule.teamId));

  const [users, team, options, timeOff, requests] = await Promise.all([
    manage ? listUsers(ctx, { limit: 200 }) : null,
    inTeam && schedule.teamId ? getTeam(ctx, schedule.teamId) : null,
    scheduleFormOptions(ctx),
    listTimeOff(ctx, { fromDate: today }),
    canRequest ? listSwapRequests(ctx, { scheduleId, open: true }) : [],
  ]);

  // Who may be put on call or asked to cover: managers choose anyone on staff; engineers the team and the rotation.
  const byId = new Map<string, string>();
  if (users) for (const u of users.data) if (u.role !== "stakeholder" && !u.disabled) byId.set(u.id, u.name);
  for (const m of team?.members ?? []) byId.set(m.userId, m.name);
  for (const l of schedule.layers) for (const p of l.participants) byId.set(p.userId, p.name);
  const people = [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  const onSchedule = new Set([...(team?.members ?? []).map((m) => m.userId), ...schedule.layers.flatMap((l) => l.participants.map((p) => p.userId))]);
  const timeOffHere = timeOff.filter((t) => t.userId === viewer.userId || onSchedule.has(t.userId));

  const requestViewer: RequestViewer = { userId: viewer.userId, teamIds: viewer.teamIds, canApprove: can(viewer, "swaps:approve") };
  const openRequests = requests.filter((r) => isOpen(r) && isVisibleTo(r, requestViewer, schedule.teamId));
  const teamName = options.teams.find((t) => t.id === schedule.teamId)?.name ?? team?.name;
  const clientName = options.clients.find((c) => c.id === schedule.clientId)?.name;
  // Published fills change shifts without bumping the layer version: fold them into the calendar's refresh key.
  const layerIds = schedule.layers.map((l) => l.id);
  const [published] = layerIds.length
    ? await ctx.db.select({ n: count(), at: max(layerAssignments.publishedAt) }).from(layerAssignments).where(inArray(layerAssignments.layerId, layerIds))
    : [];
  const refreshKey = [...schedule.layers.map((l) => `${l.id}:${l.version}`), ...timeOffHere.map((t) => t.id), `fill:${published?.n ?? 0}:${published?.at ? new Date(published.at).getTime() : 0}`].join(",");
  const zoneDiffers = schedule.timeZone !== viewer.timeZone;
  const noLayers = schedule.layers.length === 0;

  return (
    <>
      <PageHeader
        title={<span className="wrap-anywhere">{schedule.name}</span>}
        description={
          <>
            {/* Wraps anywhere: a long URL or a word without spaces would otherwise widen the page. */}
            {schedule.description ? <span className="block wrap-anywhere">{schedule.description}</span> : null}
            <span>
              {schedule.timeZone.replaceAll("_", " ")}
              {teamName ? ` · ${teamName}` : ""}
              {clientName || teamName ? ` · holidays of ${[clientName, teamName && "the team"].filter(Boolean).join(" and ")}` : ""}
            </span>
          </>
        }
        breadcrumb={[{ label: "Schedules", href: "/schedules" }, { label: schedule.name }]}
        badge={
          noLayers ? (
            <Badge variant="warning">No rotation</Badge>
          ) : schedule.gapsNext14Days > 0 ? (
            <Badge variant="danger" dot>
              Coverage gaps
            </Badge>
          ) : (
            <Badge variant="success" dot>
              Covered
            </Badge>
          )
        }
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/schedules/mine">
                <CalendarRange className="size-4" aria-hidden /> My shifts
              </Link>
            </Button>
            {canRequest && (
              <Button asChild variant="outline">
                <Link href="/schedules/requests">
                  <Inbox className="size-4" aria-hidden /> Requests
                  {openRequests.length > 0 && <Badge variant="brand">{openRequests.length}</Badge>}
                </Link>
              </Button>
            )}
          </>
        }
      />
      <PageError error={error} />

      <Card className="mb-6">
        <section aria-label="Now" className="grid divide-y divide-slate-100 sm:grid-cols-3 sm:divide-x sm:divide-y-0">
          <div className="px-5 py-3.5 sm:py-4">
            <p className="text-xs font-medium text-slate-500">On call now</p>
            <div className="mt-1.5 flex items-center gap-2">
              {schedule.onCallNow.userName ? (
                <>
                  <Avatar name={schedule.onCallNow.userName} size="sm" decorative />
                  <span className="font-semibold text-slate-900" data-testid="on-call-now">
                    {schedule.onCallNow.userName}
                  </span>
                </>
              ) : (
                <span className="font-semibold text-red-700" data-testid="on-call-now">
                  Nobody
                </span>
              )}
            </div>
          </div>
          <div className="px-5 py-3.5 sm:py-4">
            <p className="text-xs font-medium text-slate-500">Next handoff</p>
            {schedule.nextHandoff ? (
              <>
                <p className="mt-1.5 font-semibold text-slate-900">
                  <time dateTime={schedule.nextHandoff}>{formatInstant(schedule.nextHandoff, viewer.timeZone, { withZone: true })}</time>
                </p>
                <p className="text-xs text-slate-500">
                  {formatRelative(schedule.nextHandoff, ctx.now)}
                  {zoneDiffers ? ` · ${formatInstant(schedule.nextHandoff, schedule.timeZone, { withZone: true })} schedule time` : ""}
                </p>
              </>
            ) : (
              <p className="mt-1.5 text-sm text-slate-500">None in the next {GAP_HORIZON_DAYS} days</p>
            )}
          </div>
          <div className={schedule.gapsNext14Days > 0 ? "rounded-b-xl bg-red-50/60 px-5 py-3.5 sm:rounded-r-xl sm:rounded-bl-none sm:py-4" : "px-5 py-3.5 sm:py-4"}>
            <p className="text-xs font-medium text-slate-500">Next {GAP_HORIZON_DAYS} days</p>
            {schedule.gapsNext14Days > 0 ? (
              <p className="mt-1.5 font-semibold text-red-700">
                {schedule.gapsNext14Days} {schedule.gapsNext14Days === 1 ? "gap" : "gaps"} in coverage
              </p>
            ) : (
              <p className="mt-1.5 font-semibold text-emerald-700">Someone is always on call</p>
            )}
          </div>
        </section>
      </Card>

      {schedule.gapsNext14Days > 0 && (
        <Alert variant="danger" className="mb-6" title={noLayers ? "Nobody is on call" : `Coverage gaps in the next ${GAP_HORIZON_DAYS} days`}>
          {noLayers
            ? manage
              ? "This schedule has no rotation yet. Add a layer below."
              : "This schedule has no rotation yet."
            : `${schedule.gapsNext14Days} ${schedule.gapsNext14Days === 1 ? "stretch" : "stretches"} with nobody on call, shown in red on the calendar. ${manage ? "Drag across one to put someone on call, or adjust a layer." : "Tell a manager."}`}
        </Alert>
      )}

      <section aria-labelledby="calendar-heading" className="mb-8">
        <h2 id="calendar-heading" className="sr-only">
          Calendar
        </h2>
        <ScheduleCalendar
          scheduleId={schedule.id}
          timeZone={schedule.timeZone}
          viewerTimeZone={viewer.timeZone}
          viewer={{ id: viewer.userId, name: viewer.name, canManage: manage, canRequest }}
          layers={schedule.layers.map((l) => ({ id: l.id, name: l.name, participants: l.participants }))}
          people={people}
          holidays={schedule.holidays}
          refreshKey={refreshKey}
          nowIso={ctx.now.toISOString()}
          actions={{
            load: loadShiftsAction.bind(null, schedule.id),
            shiftInstance: shiftInstanceAction.bind(null, schedule.id),
            upcomingShifts: upcomingShiftsAction.bind(null, schedule.id),
            createOverride: createOverrideAction,
            deleteOverride: deleteOverrideAction,
            createSwapRequest: createSwapRequestAction,
          }}
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <LayersSection
            scheduleId={schedule.id}
            timeZone={schedule.timeZone}
            layers={schedule.layers}
            people={people}
            canManage={manage}
            defaultStartDate={todayIn(schedule.timeZone, ctx.now)}
            saveLayer={saveLayerAction}
            deleteLayer={deleteLayerAction}
            fillActions={manage ? { preview: previewFillAction, publish: publishFillAction } : undefined}
          />
        </div>
        <div className="space-y-6 lg:col-span-2">
          {canRequest && (
            <TimeOffPanel
              entries={timeOffHere}
              people={manage ? people : []}
              viewerId={viewer.userId}
              canManageOthers={can(viewer, "timeoff:manage")}
              back={`/schedules/${schedule.id}`}
              today={today}
              description={manage ? "Of the people on this schedule. Their shifts are flagged, not reassigned." : "Yours. Shifts you hold while off are flagged so you can find cover."}
              createAction={createTimeOffAction}
              deleteAction={deleteTimeOffAction}
            />
          )}
          <Card>
            <CardHeader>
              <CardTitle>Calendar feed</CardTitle>
            </CardHeader>
            <CardContent>
              <IcalFeed db={ctx.db} kind="schedule" targetId={schedule.id} />
            </CardContent>
          </Card>
        </div>
      </div>

      {manage && (
        <div className="mt-8 grid gap-6 lg:grid-cols-5">
          <Card className="lg:col-span-3">
            <CardHeader>
              <CardTitle>Schedule details</CardTitle>
              <CardDescription>Changing the time zone moves every handoff to the same wall-clock time in the new zone from now on; shifts already worked stay as they were.</CardDescription>
            </CardHeader>
            <CardContent>
              <ScheduleForm
                action={updateScheduleAction}
                submitLabel="Save details"
                framed={false}
                {...options}
                values={{ scheduleId: schedule.id, name: schedule.name, description: schedule.description, timeZone: schedule.timeZone, teamId: schedule.teamId, clientId: schedule.clientId }}
              />
            </CardContent>
          </Card>
          <Card className="border-red-200 lg:col-span-2 lg:self-start">
            <CardHeader>
              <CardTitle>Delete schedule</CardTitle>
              <CardDescription>Removes its layers, overrides and requests. Nobody is paged through it any more.</CardDescription>
            </CardHeader>
            <CardContent>
              <ConfirmDialog
                action={deleteScheduleAction}
                hidden={{ scheduleId: schedule.id }}
                title={`Delete ${schedule.name}?`}
                description="This cannot be undone. Type the schedule's name to confirm."
                confirmText={schedule.name}
                confirmLabel="Delete schedule"
                triggerLabel="Delete schedule…"
              />
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
