import type { Metadata } from "next";
import Link from "next/link";
import { formatHours, formatRange } from "@/components/schedules/format";
import { CoverBalanceCard } from "@/components/schedules/cover-balance-card";
import { UpcomingShifts } from "@/components/schedules/upcoming-shifts";
import { Avatar } from "@/components/ui/avatar";
import { Badge, RoleBadge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/access/permissions";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { formatDateTime } from "@/lib/format/date-time";
import { orInterrupt } from "@/lib/http/page-guard";
import { personShifts } from "@/lib/schedules/read-schedules";
import { listLedgerEntries } from "@/lib/swaps/ledger-entries";
import { ledgerBalances } from "@/lib/swaps/ledger-balances";
import { teamsOfPerson } from "@/lib/teams/read-teams";
import { getUser } from "@/lib/users/read-users";

export const metadata: Metadata = { title: "Person" };

const DAY = 86_400_000;

/** A person's page: who they are, their teams, their next shifts and what they covered and were covered (the ledger). */
export default async function PersonPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const ctx = await requireSessionCtx();
  const zone = ctx.viewer.timeZone;
  // The ledger reader checks schedules access and that the person is visible to the viewer (a stakeholder is refused; another team's engineer is not found).
  const entries = await orInterrupt(() => listLedgerEntries(ctx, userId));
  const to = new Date(ctx.now.getTime() + 183 * DAY);
  const [person, teams, balances, shifts] = await Promise.all([getUser(ctx, userId), teamsOfPerson(ctx, userId), ledgerBalances(ctx.db), personShifts(ctx, userId, ctx.now, new Date(to.getTime() + 35 * DAY))]);
  const upcoming = shifts.filter((s) => new Date(s.start) < to).slice(0, 8);
  const name = person.name || person.email;
  const self = userId === ctx.viewer.userId;
  const header = (
    <PageHeader
      title={name}
      description={`${person.email} · ${person.timeZone.replaceAll("_", " ")}`}
      badge={<RoleBadge role={person.role} label={ROLE_LABELS[person.role]} />}
      breadcrumb={[{ label: "People", href: "/people" }, { label: name }]}
    />
  );
  // A stakeholder is on no rotation: shifts, covers and a balance would say nothing.
  if (person.role === "stakeholder") {
    return (
      <>
        {header}
        <Card className="max-w-2xl">
          <CardHeader>
            <CardTitle>Stakeholder</CardTitle>
            <CardDescription>
              {name} reads the incidents, status updates, published post-mortems and reports of the clients they belong to, and approves post-mortems they are asked to review. Stakeholders are on no rotation.
            </CardDescription>
          </CardHeader>
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Coming up</CardTitle>
              <CardDescription>
                {upcoming.length === 0 ? `${self ? "You have" : `${name} has`} no shifts in the next six months.` : `The next ${upcoming.length === 1 ? "shift" : `${upcoming.length} shifts`}, in your time zone (${zone.replaceAll("_", " ")}).`}
              </CardDescription>
            </CardHeader>
            {upcoming.length > 0 && (
              <CardContent className="pt-3">
                <UpcomingShifts shifts={upcoming} timeZone={zone} now={ctx.now} />
              </CardContent>
            )}
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Covers</CardTitle>
              <CardDescription>Approved swaps and covers, newest first: who covered whom, and the weighted on-call it moved. A reverted one no longer counts.</CardDescription>
            </CardHeader>
            <CardContent className="pt-3">
              {entries.length === 0 ? (
                <p className="text-sm text-slate-600">No covers yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100" aria-label="Covers">
                  {entries.map((e) => (
                    <li key={e.id} className={`flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2.5 ${e.reversedAt ? "opacity-60" : ""}`}>
                      <div className="min-w-0">
                        <p className="text-sm font-medium text-slate-900">
                          {e.direction === "gave" ? (
                            <>
                              Covered{" "}
                              <Link href={`/people/${e.other.id}`} className="text-brand-700 hover:underline">
                                {e.other.name}
                              </Link>
                            </>
                          ) : (
                            <>
                              <Link href={`/people/${e.other.id}`} className="text-brand-700 hover:underline">
                                {e.other.name}
                              </Link>{" "}
                              covered {self ? "you" : name}
                            </>
                          )}
                        </p>
                        <p className="text-xs text-slate-500">
                          <Link href={`/schedules/${e.schedule.id}`} className="font-medium text-brand-700 hover:underline">
                            {e.schedule.name}
                          </Link>{" "}
                          · {formatRange(e.start, e.end, zone)} · approved {formatDateTime(e.at, zone)}
                        </p>
                      </div>
                      <div className="flex items-center gap-2 text-sm tabular-nums">
                        {e.reversedAt && <Badge variant="neutral">Reverted</Badge>}
                        <span className={e.direction === "gave" ? "font-medium text-emerald-700" : "font-medium text-amber-700"}>
                          {e.direction === "gave" ? "+" : "−"}
                          {formatHours(e.hours)}
                        </span>
                        <span className="text-xs text-slate-500">burden {Math.round(e.burden * 10) / 10}</span>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
        <div className="space-y-6">
          <CoverBalanceCard balance={balances.get(userId)} name={self ? null : name} />
          <Card>
            <CardHeader>
              <CardTitle>Teams</CardTitle>
            </CardHeader>
            <CardContent className="pt-3">
              {teams.length === 0 ? (
                <p className="text-sm text-slate-600">Not on a team you can see.</p>
              ) : (
                <ul className="space-y-2" aria-label="Teams">
                  {teams.map((t) => (
                    <li key={t.id} className="flex items-center justify-between gap-2 text-sm">
                      <Link href={`/teams/${t.id}`} className="font-medium text-brand-700 hover:underline">
                        {t.name}
                      </Link>
                      {t.isLead && <Badge variant="info">Lead</Badge>}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <div className="flex items-center gap-3 rounded-xl border border-border bg-surface px-4 py-3 text-sm text-slate-600">
            <Avatar name={name} size="sm" decorative />
            <span>
              {ROLE_LABELS[person.role]}
              {person.disabled ? " · disabled" : ""} · on Baton since {formatDateTime(person.createdAt, zone).split(",")[0]}
            </span>
          </div>
        </div>
      </div>
    </>
  );
}
