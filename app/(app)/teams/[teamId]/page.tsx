import type { Metadata } from "next";
import Link from "next/link";
import { CalendarDays, Crown, Scale, UserMinus } from "lucide-react";
import { HolidayList } from "@/components/holiday-list";
import { PageError } from "@/components/page-error";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { getTeam } from "@/lib/teams/read-teams";
import { getSwapApproval } from "@/lib/teams/set-swap-approval";
import { listUsers } from "@/lib/users/read-users";
import { deleteTeamAction, removeTeamMemberAction, setSwapApprovalAction, setTeamLeadAction } from "../actions";
import { AddMemberForm, TeamDetailsForm } from "./team-forms";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { teamId } = await params;
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const team = await orInterrupt(() => getTeam(ctx, teamId));
  const manage = can(ctx.viewer, "teams:manage");
  const swapApprovalRequired = manage ? await getSwapApproval(ctx, team.id) : false;
  const candidates = manage
    ? (await listUsers(ctx, { limit: 200 })).data.filter((u) => u.role !== "stakeholder" && !u.disabled && !team.members.some((m) => m.userId === u.id))
    : [];
  return (
    <>
      <PageHeader
        title={team.name}
        description={team.description || undefined}
        breadcrumb={[{ label: "Teams", href: "/teams" }, { label: team.name }]}
        badge={team.leads.length === 0 ? <Badge variant="warning">No lead</Badge> : undefined}
        actions={
          can(ctx.viewer, "schedules:read") && (
            <>
              <Button asChild variant="outline">
                <Link href={`/teams/${team.id}/calendar`}>
                  <CalendarDays className="size-4" aria-hidden /> Team calendar
                </Link>
              </Button>
              <Button asChild variant="outline">
                <Link href={`/teams/${team.id}/fairness`}>
                  <Scale className="size-4" aria-hidden /> Fairness report
                </Link>
              </Button>
            </>
          )
        }
      />
      <PageError error={error} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Members</CardTitle>
              <CardDescription>
                {team.memberCount} {team.memberCount === 1 ? "person" : "people"}. Leads are told when nobody answers a page.
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-6">
              {team.members.length === 0 ? (
                <p className="text-sm text-slate-600">No members yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100" aria-label="Members">
                  {team.members.map((m) => (
                    <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                      <div className="flex min-w-0 items-center gap-3">
                        <Avatar name={m.name} />
                        <div className="min-w-0">
                          <p className="truncate text-sm font-medium text-slate-900">
                            {m.name} {m.isLead && <Badge variant="info">Lead</Badge>}
                          </p>
                          <p className="truncate text-xs text-slate-500">{m.email}</p>
                        </div>
                      </div>
                      {manage && (
                        <div className="flex items-center gap-2">
                          <form action={setTeamLeadAction}>
                            <input type="hidden" name="teamId" value={team.id} />
                            <input type="hidden" name="userId" value={m.userId} />
                            <input type="hidden" name="isLead" value={m.isLead ? "false" : "true"} />
                            <Button type="submit" variant="ghost" size="sm">
                              <Crown className="size-4" aria-hidden /> {m.isLead ? "Unmake lead" : "Make lead"}
                            </Button>
                          </form>
                          <form action={removeTeamMemberAction}>
                            <input type="hidden" name="teamId" value={team.id} />
                            <input type="hidden" name="userId" value={m.userId} />
                            <Button type="submit" variant="ghost" size="sm" aria-label={`Remove ${m.name}`}>
                              <UserMinus className="size-4" aria-hidden /> Remove
                            </Button>
                          </form>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {manage && candidates.length > 0 && <AddMemberForm teamId={team.id} candidates={candidates.map((c) => ({ id: c.id, name: c.name }))} />}
            </CardContent>
          </Card>
          {manage && (
            <Card>
              <CardHeader>
                <CardTitle>Details and holidays</CardTitle>
                <CardDescription>{team.holidays.length === 0 ? "No holidays on the team's calendar yet." : `${team.holidays.length} ${team.holidays.length === 1 ? "holiday" : "holidays"} on the team's calendar.`}</CardDescription>
              </CardHeader>
              <CardContent>
                <TeamDetailsForm teamId={team.id} name={team.name} description={team.description} holidays={team.holidays} />
              </CardContent>
            </Card>
          )}
        </div>
        {!manage && (
          <Card className="self-start">
            <CardHeader>
              <CardTitle>Holidays</CardTitle>
              <CardDescription>On-call hours on these days weigh the most in fairness.</CardDescription>
            </CardHeader>
            <CardContent>
              <HolidayList holidays={team.holidays} />
            </CardContent>
          </Card>
        )}
        {manage && (
          <div className="space-y-6">
            <Card>
              <CardHeader>
                <CardTitle>Shift swaps</CardTitle>
                <CardDescription>When a colleague accepts a swap or cover, the schedule changes at once, or after a manager approves.</CardDescription>
              </CardHeader>
              <CardContent>
                <form action={setSwapApprovalAction} className="flex items-center justify-between gap-4">
                  <input type="hidden" name="teamId" value={team.id} />
                  <input type="hidden" name="required" value={swapApprovalRequired ? "false" : "true"} />
                  <span id="swap-approval-label" className="text-sm font-medium text-slate-800">
                    Swaps need manager approval
                  </span>
                  <button
                    type="submit"
                    role="switch"
                    aria-checked={swapApprovalRequired}
                    aria-labelledby="swap-approval-label"
                    className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${swapApprovalRequired ? "bg-brand-600" : "bg-slate-300"}`}
                  >
                    <span aria-hidden className={`inline-block size-5 rounded-full bg-white shadow-sm transition-transform ${swapApprovalRequired ? "translate-x-5.5" : "translate-x-0.5"}`} />
                  </button>
                </form>
                <p className="mt-3 text-xs text-slate-500">{swapApprovalRequired ? "On: accepted requests wait for a manager." : "Off: an accepted request updates the schedule at once."}</p>
              </CardContent>
            </Card>
            <Card className="border-red-200">
              <CardHeader>
                <CardTitle>Delete team</CardTitle>
                <CardDescription>Removes the team and its memberships. People keep their accounts.</CardDescription>
              </CardHeader>
              <CardContent>
                <ConfirmDialog
                  action={deleteTeamAction}
                  hidden={{ teamId: team.id }}
                  title={`Delete ${team.name}?`}
                  description="This cannot be undone. Type the team's name to confirm."
                  confirmText={team.name}
                  confirmLabel="Delete team"
                  triggerLabel="Delete team…"
                />
              </CardContent>
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
