import type { Metadata } from "next";
import Link from "next/link";
import { Inbox } from "lucide-react";
import { PageError } from "@/components/page-error";
import { todayIn } from "@/components/schedules/format";
import { CoverBalanceCard } from "@/components/schedules/cover-balance-card";
import { MyShiftsCalendar } from "@/components/schedules/my-shifts-calendar";
import { UpcomingShifts } from "@/components/schedules/upcoming-shifts";
import { TimeOffPanel } from "@/components/schedules/time-off-panel";
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
                <UpcomingShifts shifts={upcoming} timeZone={viewer.timeZone} now={ctx.now} />
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
          <CoverBalanceCard balance={balance} name={null} />
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
