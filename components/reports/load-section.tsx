import Link from "next/link";
import { TriangleAlert, Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { LoadReport } from "@/lib/reports/types";
import { BarsChart } from "./report-charts";
import { COLORS } from "./report-colors";
import { formatCount, formatDecimal } from "./format";
import { loadChartLabels, loadWarnings } from "./load-figures";
import { reportCsvHref } from "./report-links";
import { Num, NumHead, ReportTable, RowHead, TBody, TH, THead, TR } from "./report-cells";
import { ReportPanel, StatGrid, StatTile } from "./report-panel";

const BAND_SERIES = [
  { key: "business", label: "Business hours", color: COLORS.business },
  { key: "off_hours", label: "Off-hours", color: COLORS.off_hours },
  { key: "sleep", label: "Sleep (22:00–08:00)", color: COLORS.sleep },
];

/** Where a team's generator lives: the schedule whose layers have "Fill next weeks…". */
export type GeneratorLinks = Record<string, { href: string; scheduleName: string }>;

const signedHours = (h: number) => `${h > 0 ? "+" : ""}${formatDecimal(h)} h`;

/**
 * The Load tab: interruptions per person by band in their own zone, and who carries too much. One
 * row per person and team (a person in two teams has two), each compared with its team's mean.
 */
export function LoadSection({ report, generators }: { report: LoadReport; generators: GeneratorLinks }) {
  const { people } = report;
  if (people.length === 0) {
    return <EmptyState icon={Users} title="Nobody was on call or paged in this period" description="Load appears here per person once schedules run and incidents page people." />;
  }
  const warnings = loadWarnings(report);
  const persons = new Set(people.map((p) => p.userId)).size;
  const totals = people.reduce((acc, p) => ({ interruptions: acc.interruptions + p.interruptions.total, sleep: acc.sleep + p.interruptions.sleep, hours: acc.hours + p.onCallHours }), { interruptions: 0, sleep: 0, hours: 0 });
  const labels = loadChartLabels(people);
  const rows = people.map((p, i) => ({ label: labels[i]!, business: p.interruptions.business, off_hours: p.interruptions.off_hours, sleep: p.interruptions.sleep }));
  const severalTeams = report.teams.length > 1;
  return (
    <div className="space-y-6">
      <StatGrid label="Load for the period" className="xl:grid-cols-4">
        <StatTile label="People measured" value={formatCount(persons)} detail={severalTeams ? `in ${formatCount(report.teams.length)} teams, a row per team` : undefined} />
        <StatTile label="On-call hours" value={formatCount(Math.round(totals.hours))} />
        <StatTile label="Interruptions" value={formatCount(totals.interruptions)} detail={`${formatDecimal(totals.interruptions / persons)} per person${severalTeams ? ", all teams" : ""}`} />
        <StatTile label="In sleep hours" value={formatCount(totals.sleep)} tone={totals.sleep > 0 ? "warning" : "neutral"} detail="22:00–08:00 in each person's zone" />
      </StatGrid>

      {warnings.length > 0 && (
        <div role="status" className="flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
          <div className="space-y-1">
            {warnings.map((w) => (
              <p key={w.teamId}>
                {w.people.map((p, i) => (
                  <span key={p.name + i}>
                    {i > 0 && (i === w.people.length - 1 ? " and " : ", ")}
                    <span className="font-semibold">{p.name}</span> ({p.figures})
                  </span>
                ))}{" "}
                {w.rest}
              </p>
            ))}
            <p>The generator can hand the next weeks to others.</p>
          </div>
        </div>
      )}

      <ReportPanel
        title="Interruptions per person"
        description="Notifications within 60 s of each other count as one interruption, placed in the person's own time zone."
        csv={{ href: reportCsvHref("load", "people", report.filters), what: "load per person" }}
        chart={<BarsChart rows={rows} series={BAND_SERIES} stacked label="Stacked bar chart of interruptions per person by business hours, off-hours and sleep; the table below has the figures." tableId="load-people" />}
        tableOpen
        table={
          <ReportTable id="load-people" caption="Load per person and team: on-call hours, notifications, interruptions by band, acknowledgements, weighted burden and cover balance" label="Load per person" className="report-compact min-w-[50rem]">
            <THead>
              <TR>
                {/* Headers wrap (at spaces and soft hyphens) so the ten columns fit a 1440 px laptop; a phone scrolls the box. */}
                <TH>Person and team</TH>
                <NumHead>On call</NumHead>
                <NumHead>Notifi&shy;cations</NumHead>
                <NumHead>Business</NumHead>
                <NumHead>Off-hours</NumHead>
                <NumHead>Sleep</NumHead>
                <NumHead>Interrup&shy;tions</NumHead>
                <NumHead>Acknow&shy;ledged</NumHead>
                <NumHead>Burden</NumHead>
                <NumHead>Cover balance</NumHead>
              </TR>
            </THead>
            <TBody>
              {people.map((p) => {
                const generator = p.highlighted ? generators[p.teamId] : undefined;
                return (
                  <TR key={`${p.userId}-${p.teamId}`} className={p.highlighted ? "bg-amber-50/70 [tbody_&]:hover:bg-amber-50" : undefined}>
                    <RowHead className="min-w-40">
                      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        {p.name}
                        {p.highlighted && (
                          <Badge variant="warning" dot>
                            Far above team mean
                          </Badge>
                        )}
                      </span>
                      <span className="block text-xs font-normal text-slate-500">
                        {p.teamName} · {p.timeZone}
                      </span>
                      {generator && (
                        <Link href={generator.href} className="mt-1 inline-block text-xs font-medium text-brand-700 underline-offset-2 hover:underline">
                          Rebalance in the generator ({generator.scheduleName})
                        </Link>
                      )}
                    </RowHead>
                    <Num>{formatDecimal(p.onCallHours)} h</Num>
                    <Num>{formatCount(p.notifications)}</Num>
                    <Num>{formatCount(p.interruptions.business)}</Num>
                    <Num>{formatCount(p.interruptions.off_hours)}</Num>
                    <Num className={cn(p.interruptions.sleep > 0 && "font-medium text-indigo-800")}>{formatCount(p.interruptions.sleep)}</Num>
                    <Num className="font-medium">{formatCount(p.interruptions.total)}</Num>
                    <Num>{formatCount(p.acknowledged)}</Num>
                    <Num className={cn(p.highlighted && "font-semibold text-amber-800")}>{formatDecimal(p.burden)}</Num>
                    <Num title="Positive: colleagues owe this person cover">
                      {signedHours(p.ledgerHours)}
                    </Num>
                  </TR>
                );
              })}
            </TBody>
          </ReportTable>
        }
      />
    </div>
  );
}
