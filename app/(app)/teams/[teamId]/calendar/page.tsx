import type { Metadata } from "next";
import { CalendarDays } from "lucide-react";
import { TeamCalendar } from "@/components/schedules/team-calendar";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { listTeamScheduleShifts } from "@/lib/schedules/read-schedules";
import { getTeam } from "@/lib/teams/read-teams";

export const metadata: Metadata = { title: "Team calendar" };

const DAY = 86_400_000;

export default async function TeamCalendarPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const ctx = await requireSessionCtx();
  // A month back to three ahead.
  const from = new Date(ctx.now.getTime() - 31 * DAY);
  const to = new Date(ctx.now.getTime() + 92 * DAY);
  const { schedules, shifts } = await orInterrupt(() => listTeamScheduleShifts(ctx, teamId, from, to));
  const team = await orInterrupt(() => getTeam(ctx, teamId));
  return (
    <>
      <PageHeader
        title="Team calendar"
        description={`Every schedule of ${team.name} in one calendar, a month back and three months ahead.`}
        breadcrumb={[{ label: "Teams", href: "/teams" }, { label: team.name, href: `/teams/${team.id}` }, { label: "Calendar" }]}
      />
      {schedules.length === 0 ? (
        <EmptyState icon={CalendarDays} title="No schedules yet" description={`${team.name} has no on-call schedules. Create one under Schedules and pick this team.`} />
      ) : (
        <section aria-labelledby="team-calendar-heading">
          <h2 id="team-calendar-heading" className="sr-only">
            Calendar
          </h2>
          <TeamCalendar shifts={shifts} schedules={schedules} holidays={team.holidays} timeZone={ctx.viewer.timeZone} viewerId={ctx.viewer.userId} nowIso={ctx.now.toISOString()} />
        </section>
      )}
    </>
  );
}
