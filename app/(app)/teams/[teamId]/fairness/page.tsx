import type { Metadata } from "next";
import { Scale } from "lucide-react";
import { FairnessChart } from "@/components/fairness/fairness-chart";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, TD, TH, THead, TR, Table, TableCaption } from "@/components/ui/table";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { fairnessReport } from "@/lib/schedules/fairness-report";
import { fairnessPeriodInput } from "@/lib/schedules/schemas";

export const metadata: Metadata = { title: "Fairness report" };

const DAY = 86_400_000;
const DEFAULT_DAYS = 90;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function FairnessPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> }) {
  const { teamId } = await params;
  const sp = await searchParams;
  const ctx = await requireSessionCtx();
  const today = iso(ctx.now);
  const fallback = { from: iso(new Date(ctx.now.getTime() - DEFAULT_DAYS * DAY)), to: today };
  const typed = { from: firstOf(sp.from), to: firstOf(sp.to) };
  const asked = typed.from !== undefined || typed.to !== undefined;
  const parsed = asked ? fairnessPeriodInput(today).safeParse(typed) : undefined;
  // A period that is not valid keeps what was typed, with each field's error; the report below is the default one's.
  const errors: { from?: string; to?: string } = {};
  for (const issue of parsed?.error?.issues ?? []) errors[issue.path[0] === "from" ? "from" : "to"] ??= issue.message;
  const { from, to } = parsed?.success ? parsed.data : fallback;
  const shown = parsed && !parsed.success ? { from: typed.from ?? "", to: typed.to ?? "" } : { from, to };
  // Whole days: from the start of `from` to the end of `to` (UTC).
  const report = await orInterrupt(() =>
    fairnessReport({ ctx, input: { teamId, from: `${from}T00:00:00Z`, to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString() } }),
  );
  const people = [...report.people].sort((a, b) => b.normalisedBurden - a.normalisedBurden);
  const flagged = people.filter((p) => p.aboveMeanByMoreThanAShift);
  const noShifts = people.every((p) => p.shifts === 0);

  return (
    <>
      <PageHeader
        title="Fairness report"
        description={`Who carried the on-call load of ${report.teamName}: hours weighted by nights, weekends and holidays, pages, and cover given and received.`}
        breadcrumb={[{ label: "Teams", href: "/teams" }, { label: report.teamName, href: `/teams/${report.teamId}` }, { label: "Fairness" }]}
      />
      <div className="space-y-6">
        {/* The server judges the period (noValidate): the browser's own checks would block it without a word. */}
        <form method="get" className="flex flex-wrap items-start gap-3" aria-label="Period" noValidate>
          <Field label="From" error={errors.from} className="w-44">
            <Input id="fairness-from" name="from" type="date" defaultValue={shown.from} max={today} />
          </Field>
          <Field label="To" error={errors.to} className="w-44">
            <Input id="fairness-to" name="to" type="date" defaultValue={shown.to} />
          </Field>
          <Button type="submit" variant="outline" className="mt-6.5">
            Show
          </Button>
          {parsed && !parsed.success && (
            <p role="status" className="basis-full text-sm text-amber-800">
              That period is not valid: showing the last {DEFAULT_DAYS} days ({fallback.from} to {fallback.to}) until it is corrected.
            </p>
          )}
        </form>

        <dl className="grid gap-3 sm:grid-cols-3">
          <div className="rounded-xl border border-border bg-surface px-4 py-3 shadow-xs">
            <dt className="text-xs text-slate-500">Gap</dt>
            <dd className="mt-0.5 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="fairness-gap">
              {fmt(report.gap)} <span className="text-sm font-normal text-slate-500">mean shifts</span>
            </dd>
            <dd className="text-xs text-slate-500">Between the most and the least loaded person.</dd>
          </div>
          <div className="rounded-xl border border-border bg-surface px-4 py-3 shadow-xs">
            <dt className="text-xs text-slate-500">Balance</dt>
            <dd className="mt-0.5 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="fairness-balance">
              {Math.round(report.balance * 100)}%
            </dd>
            <dd className="text-xs text-slate-500">100% means everyone carried the same.</dd>
          </div>
          <div className="rounded-xl border border-border bg-surface px-4 py-3 shadow-xs">
            <dt className="text-xs text-slate-500">Mean shift burden</dt>
            <dd className="mt-0.5 text-2xl font-semibold text-slate-900 tabular-nums">{fmt(report.meanShiftBurden)}</dd>
            <dd className="text-xs text-slate-500">Weighted hours of an average shift.</dd>
          </div>
        </dl>

        {people.length === 0 ? (
          <EmptyState icon={Scale} title="No members" description="Add people to the team to see how the load is shared." />
        ) : (
          <>
            <Card>
              <CardHeader>
                <CardTitle>Burden per person</CardTitle>
                <CardDescription>
                  {noShifts
                    ? "Nobody held a shift in this period."
                    : flagged.length === 0
                      ? "Normalised by days available. Nobody is more than a shift above the mean."
                      : `Normalised by days available. ${flagged.map((p) => p.name).join(", ")} ${flagged.length === 1 ? "is" : "are"} more than a shift above the mean.`}
                </CardDescription>
              </CardHeader>
              <CardContent>
                <FairnessChart bars={people.map((p) => ({ userId: p.userId, name: p.name, value: p.normalisedBurden, flagged: p.aboveMeanByMoreThanAShift }))} mean={report.meanNormalisedBurden} />
              </CardContent>
            </Card>

            <Table label="Fairness by person" className="min-w-[50rem] [&_td]:px-3 [&_th]:px-3 [&_thead_th]:whitespace-normal">
              <TableCaption className="sr-only">
                Fairness by person, {from} to {to}
              </TableCaption>
              <THead>
                <TR>
                  <TH>Person</TH>
                  <TH className="text-right">Hours</TH>
                  <TH className="text-right">Weighted burden</TH>
                  <TH className="text-right">Pages</TH>
                  <TH className="text-right">Sleep-band pages</TH>
                  <TH className="text-right">Shifts</TH>
                  <TH className="text-right">Arduous</TH>
                  <TH className="text-right">Covered for others, to date</TH>
                  <TH className="text-right">Covered by others, to date</TH>
                  <TH className="text-right">Owed to them, to date</TH>
                  <TH className="text-right">Normalised</TH>
                </TR>
              </THead>
              <TBody>
                {people.map((p) => (
                  <TR key={p.userId} className={p.aboveMeanByMoreThanAShift ? "bg-amber-50/60" : undefined}>
                    <TH scope="row">
                      <span className="flex flex-wrap items-center gap-2">
                        {p.name}
                        {p.aboveMeanByMoreThanAShift && <Badge variant="warning">Above mean</Badge>}
                      </span>
                      {p.availableDays < Math.round((Date.parse(report.to) - Date.parse(report.from)) / DAY) && (
                        <span className="block text-xs font-normal text-slate-500">Available {p.availableDays} days</span>
                      )}
                    </TH>
                    <TD className="text-right tabular-nums">{fmt(p.hours)}</TD>
                    <TD className="text-right tabular-nums">{fmt(p.burden)}</TD>
                    <TD className="text-right tabular-nums">{p.pages}</TD>
                    <TD className="text-right tabular-nums">{p.sleepBandPages}</TD>
                    <TD className="text-right tabular-nums">{p.shifts}</TD>
                    <TD className="text-right tabular-nums">{p.arduousShifts}</TD>
                    <TD className="text-right tabular-nums">{fmt(p.ledgerHoursGiven)}</TD>
                    <TD className="text-right tabular-nums">{fmt(p.ledgerHoursReceived)}</TD>
                    <TD className="text-right tabular-nums">{fmt(p.ledgerBurdenOwedToThem)}</TD>
                    <TD className="text-right font-medium tabular-nums">{fmt(p.normalisedBurden)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <p className="-mt-3 text-xs text-slate-500">
              {from} to {to}. Weighted burden counts nights, weekends and holidays more than office hours, with pages on top. The cover columns are the ledger to date, not this
              period: hours through swaps and covers, and &ldquo;owed to them&rdquo; is weighted hours colleagues owe back (the generator repays it).
            </p>
          </>
        )}
      </div>
    </>
  );
}
