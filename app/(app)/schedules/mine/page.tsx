import type { Metadata } from "next";
import Link from "next/link";
import { Inbox, Palmtree } from "lucide-react";
import { PageError } from "@/components/page-error";
import { formatHours, formatRange, formatRelative, todayIn } from "@/components/schedules/format";
import { MyShiftsCalendar } from "@/components/schedules/my-shifts-calendar";
import { TimeOffPanel } from "@/components/schedules/time-off-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can, requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { personShifts } from "@/lib/schedules/read-schedules";
import { listTimeOff } from "@/lib/schedules/time-off";
import { ledgerBalances } from "@/lib/swaps/ledger-balances";
import { createTimeOffAction, deleteTimeOffAction } from "../actions";
import { IcalFeed } from "../ical-feed";

export const metadata: Metadata = { title: "My shifts" };

const DAY = 86_400_000;

export default async function MyShiftsPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const { viewer } = ctx;
  await orInterrupt(() => requirePermission(ctx, "schedules:read", { type: "schedule" }));
  const today = todayIn(viewer.timeZone, ctx.now);
  // One month back to six ahead: the same window as the personal iCal feed.
  const from = new Date(ctx.now.getTime() - 31 * DAY);
  const to = new Date(ctx.now.getTime() + 183 * DAY);
  // Read a little past the window so the last shift that starts in it shows its real end, not the window's.
  const [read, timeOff, ledger] = await Promise.all([personShifts(ctx, viewer.userId, from, new Date(to.getTime() + 35 * DAY)), listTimeOff(ctx, { fromDate: today, userId: viewer.userId }), ledgerBalances(ctx.db)]);
  const shifts = read.filter((s) => new Date(s.start) < to);
  const upcoming = shifts.filter((s) => new Date(s.end) > ctx.now).slice(0, 8);
  const balance = ledger.get(viewer.userId);
  const conflicts = upcoming.filter((s) => s.conflicts.includes("time_off")).length;
  const canRequest = can(viewer, "swaps:request");

  return (
    <>
      <PageHeader
        title="My shifts"
        description={`Your on-call shifts on every schedule, a month back and six months ahead. Times are in your zone, ${viewer.timeZone.replaceAll("_", " ")}.`}
        breadcrumb={[{ label: "Schedules", href: "/schedules" }, { label: "My shifts" }]}
        actions={
          canRequest && (
            <Button asChild variant="outline">
              <Link href="/schedules/requests">
                <Inbox className="size-4" aria-hidden /> Requests
              </Link>
            </Button>
          )
        }
      />
      <PageError error={error} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Coming up</CardTitle>
              <CardDescription>{upcoming.length === 0 ? "You have no shifts in the next six months." : `Your next ${upcoming.length === 1 ? "shift" : `${upcoming.length} shifts`}.`}</CardDescription>
            </CardHeader>
            {upcoming.length > 0 && (
              <CardContent className="pt-3">
                <ul className="divide-y divide-slate-100" aria-label="Upcoming shifts">
                  {upcoming.map((s) => (
                    <li key={`${s.scheduleId}-${s.start}`} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2.5">
                      <div className="min-w-0">
                        <p className="text-sm font-medium text-slate-900">{formatRange(s.start, s.end, viewer.timeZone)}</p>
                        <p className="text-xs text-slate-500">
                          <Link href={`/schedules/${s.scheduleId}`} className="font-medium text-brand-700 hover:underline">
                            {s.scheduleName}
                          </Link>
                          {s.layerName ? ` · ${s.layerName}` : ""} · {new Date(s.start) <= ctx.now ? "now" : formatRelative(s.start, ctx.now)}
                        </p>
                      </div>
                      <div className="flex gap-1.5">
                        {s.origin !== "rotation" && <Badge variant="info">{s.origin === "swap" ? "Swap or cover" : "Override"}</Badge>}
                        {s.conflicts.includes("time_off") && (
                          <Badge variant="warning">
                            <Palmtree aria-hidden /> Time off
                          </Badge>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
                {conflicts > 0 && (
                  <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-xs font-medium text-amber-900">
                    {conflicts === 1 ? "One shift falls" : `${conflicts} shifts fall`} in your time off: open the schedule and click the shift to ask for cover.
                  </p>
                )}
              </CardContent>
            )}
          </Card>
          <section aria-labelledby="my-calendar-heading">
            <h2 id="my-calendar-heading" className="sr-only">
              Calendar
            </h2>
            <MyShiftsCalendar shifts={shifts} timeZone={viewer.timeZone} viewerId={viewer.userId} nowIso={ctx.now.toISOString()} />
          </section>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Cover balance</CardTitle>
              <CardDescription>Hours you covered for colleagues and they covered for you, through approved swaps and covers.</CardDescription>
            </CardHeader>
            <CardContent className="pt-3">
              <dl className="grid grid-cols-2 gap-3">
                <div className="rounded-lg bg-slate-50 px-3 py-2.5">
                  <dt className="text-xs text-slate-500">You covered</dt>
                  <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">{formatHours(balance?.coveredForOthersHours ?? 0)}</dd>
                </div>
                <div className="rounded-lg bg-slate-50 px-3 py-2.5">
                  <dt className="text-xs text-slate-500">Covered for you</dt>
                  <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">{formatHours(balance?.coveredByOthersHours ?? 0)}</dd>
                </div>
              </dl>
              <p className="mt-3 text-sm text-slate-700" data-testid="ledger-burden">
                {!balance || Math.abs(balance.burdenOwedToThem) < 0.05 ? (
                  "You are even with your colleagues."
                ) : balance.burdenOwedToThem > 0 ? (
                  <>
                    Colleagues owe you <strong className="font-semibold text-emerald-700">{formatHours(balance.burdenOwedToThem)}</strong> of weighted on-call; the generator gives it back.
                  </>
                ) : (
                  <>
                    You owe colleagues <strong className="font-semibold text-amber-700">{formatHours(Math.abs(balance.burdenOwedToThem))}</strong> of weighted on-call; expect a little more later.
                  </>
                )}
              </p>
              <p className="mt-1 text-xs text-slate-500">Weighted hours count nights, weekends and holidays more than office hours.</p>
            </CardContent>
          </Card>
          {canRequest && (
            <TimeOffPanel
              entries={timeOff}
              people={[]}
              viewerId={viewer.userId}
              canManageOthers={false}
              back="/schedules/mine"
              today={today}
              description="Shifts you hold while off are flagged on every schedule, so you can find cover in time."
              createAction={createTimeOffAction}
              deleteAction={deleteTimeOffAction}
            />
          )}
          <Card>
            <CardHeader>
              <CardTitle>Calendar feed</CardTitle>
            </CardHeader>
            <CardContent>
              <IcalFeed db={ctx.db} kind="person" targetId={viewer.userId} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
