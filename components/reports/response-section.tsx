import Link from "next/link";
import { Lock, Timer } from "lucide-react";
import { PriorityBadge } from "@/components/incidents/incident-badges";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { ReportCsvTable, ResponseGroupRow, ResponseReport, SlaBreach } from "@/lib/reports/types";
import { BarsChart, TrendChart } from "./report-charts";
import { COLORS, type ChartRow } from "./report-colors";
import { formatCount, formatDurationMs, formatShare, formatWeekLabel, PRIORITY_LABELS, shareOf, unansweredDetail } from "./format";
import { reportCsvHref } from "./report-links";
import { Num, NumHead, ReportTable, RowHead, TBody, TD, TH, THead, TR } from "./report-cells";
import { ReportPanel, StatGrid, StatTile } from "./report-panel";

const DURATION_SERIES = [
  { key: "mtta", label: "Time to acknowledge (mean)", color: COLORS.mtta },
  { key: "mttr", label: "Time to resolve (mean)", color: COLORS.mttr },
];

const toChartRows = (rows: ResponseGroupRow[], label: (r: ResponseGroupRow) => string = (r) => r.label): ChartRow[] => rows.map((r) => ({ label: label(r), mtta: r.mtta.mean, mttr: r.mttr.mean }));

/** MTTA and MTTR (mean, median, p90) and the escalation counts of each group. */
export function ResponseTable({ rows, groupLabel, caption, id }: { rows: ResponseGroupRow[]; groupLabel: string; caption: string; id?: string }) {
  return (
    <ReportTable id={id} caption={caption} className="min-w-[60rem]">
      <THead>
        <TR>
          <TH>{groupLabel}</TH>
          <NumHead>Incidents</NumHead>
          <NumHead>MTTA mean</NumHead>
          <NumHead>MTTA median</NumHead>
          <NumHead>MTTA p90</NumHead>
          <NumHead>MTTR mean</NumHead>
          <NumHead>MTTR median</NumHead>
          <NumHead>MTTR p90</NumHead>
          <NumHead>Escalated</NumHead>
          <NumHead title="The policy ran out: every level was paged and nobody acknowledged in time">Failed over</NumHead>
          <NumHead title="Failed over and never acknowledged, even late">Unanswered</NumHead>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.key}>
            <RowHead>{r.label}</RowHead>
            <Num>{formatCount(r.incidents)}</Num>
            <Num>{formatDurationMs(r.mtta.mean)}</Num>
            <Num>{formatDurationMs(r.mtta.median)}</Num>
            <Num>{formatDurationMs(r.mtta.p90)}</Num>
            <Num>{formatDurationMs(r.mttr.mean)}</Num>
            <Num>{formatDurationMs(r.mttr.median)}</Num>
            <Num>{formatDurationMs(r.mttr.p90)}</Num>
            <Num>{formatCount(r.escalated)}</Num>
            <Num>{formatCount(r.failedOver)}</Num>
            <Num>{formatCount(r.unanswered)}</Num>
          </TR>
        ))}
      </TBody>
    </ReportTable>
  );
}

/**
 * A group with more rows than this (services: 60 on the benchmark's data) shows its busiest ones,
 * most incidents first; the CSV has them all. Every row is a chart bar and eleven table cells,
 * rendered twice (HTML and the RSC payload): the page's size and render time follow the rows.
 */
const GROUP_ROWS_ON_PAGE = 20;

const busiest = (rows: ResponseGroupRow[]) =>
  rows.length <= GROUP_ROWS_ON_PAGE ? rows : [...rows].sort((a, b) => b.incidents - a.incidents || a.label.localeCompare(b.label) || a.key.localeCompare(b.key)).slice(0, GROUP_ROWS_ON_PAGE);

/** The page lists the most recent breaches; the CSV carries every one the report lists. */
const BREACHES_ON_PAGE = 50;

function BreachesTable({ breaches, timeZone }: { breaches: SlaBreach[]; timeZone: string }) {
  const at = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const shown = breaches.slice(0, BREACHES_ON_PAGE);
  const cut = shown.length < breaches.length;
  return (
    <>
    <ReportTable caption={cut ? `The ${shown.length} most recent of ${breaches.length} incidents that missed their client's SLA target` : "Incidents that missed their client's SLA target, most recent first"} label="SLA breaches" className="report-breaches min-w-[46rem]">
      <THead>
        <TR>
          <TH>Incident</TH>
          <TH>Client</TH>
          <TH>Priority</TH>
          <TH>Target</TH>
          <NumHead>Took</NumHead>
          <TH>Triggered</TH>
        </TR>
      </THead>
      <TBody>
        {shown.map((b, i) => (
          <TR key={`${b.incidentId ?? "confidential"}-${b.kind}-${i}`}>
            <TD>
              {b.incidentId ? (
                <Link href={`/incidents/${b.incidentId}`}>
                  {b.number !== null && <span>#{b.number}</span>}
                  {b.title}
                </Link>
              ) : (
                <span className="flex items-center gap-1.5 text-slate-600">
                  <Lock aria-hidden className="size-3.5" /> Confidential incident
                </span>
              )}
            </TD>
            <TD>{b.clientName}</TD>
            <TD>
              <PriorityBadge priority={b.priority} />
            </TD>
            <TD>
              {b.kind === "acknowledge" ? "Acknowledge" : "Resolve"} within {formatDurationMs(b.targetMinutes * 60_000)}
            </TD>
            <Num>{formatDurationMs(b.tookMs)}</Num>
            <TD>{at.format(new Date(b.triggeredAt))}</TD>
          </TR>
        ))}
      </TBody>
    </ReportTable>
    {cut && <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-600 sm:px-6">Showing the {shown.length} most recent of {breaches.length} listed breaches; the CSV has all of them.</p>}
    </>
  );
}

/** The Response tab: headline figures, week by week, by priority/client/team/service, SLA breaches. */
export function ResponseSection({ report, timeZone, showTeams }: { report: ResponseReport; timeZone: string; showTeams: boolean }) {
  const { totals, sla, filters } = report;
  const csv = (table: ReportCsvTable<"response">) => reportCsvHref("response", table, filters);
  const breachTone = sla.breachCount > 0 ? "danger" : "good";
  type Group = { table: ReportCsvTable<"response">; noun: string; rows: ResponseGroupRow[]; label?: (r: ResponseGroupRow) => string };
  const groups: Group[] = [
    { table: "byPriority", noun: "priority", rows: report.byPriority, label: (r: ResponseGroupRow) => PRIORITY_LABELS[r.key as keyof typeof PRIORITY_LABELS] ?? r.label },
    { table: "byClient", noun: "client", rows: report.byClient },
    ...(showTeams ? [{ table: "byTeam", noun: "team", rows: report.byTeam } satisfies Group] : []),
    { table: "byService", noun: "service", rows: report.byService },
  ];
  return (
    <div className="space-y-6">
      <StatGrid label="Headline figures for the period">
        <StatTile label="Incidents" value={formatCount(totals.incidents)} detail={<CsvInline href={csv("totals")} />} />
        <StatTile label="Time to acknowledge" value={formatDurationMs(totals.mtta.median)} detail={`median · mean ${formatDurationMs(totals.mtta.mean)}`} />
        <StatTile label="Time to resolve" value={formatDurationMs(totals.mttr.median)} detail={`median · mean ${formatDurationMs(totals.mttr.mean)}`} />
        <StatTile label="Escalated" value={formatCount(totals.escalated)} detail={totals.incidents ? `${formatShare(shareOf(totals.escalated, totals.incidents))} reached level 2+` : "reached level 2+"} tone={totals.escalated > 0 ? "warning" : "neutral"} />
        <StatTile label="Unanswered" value={formatCount(totals.unanswered)} detail={unansweredDetail(totals)} tone={totals.unanswered > 0 ? "danger" : "neutral"} />
        <StatTile label="SLA breaches" value={formatCount(sla.breachCount)} detail={sla.measured > 0 ? `of ${formatCount(sla.measured)} with a target` : "no targets set"} tone={sla.measured > 0 ? breachTone : "neutral"} />
      </StatGrid>

      {totals.incidents === 0 ? (
        <EmptyState icon={Timer} title="No incidents in this period" description="Nothing triggered with these filters. Try a longer period or fewer filters." />
      ) : (
        <>
          <ReportPanel
            title="Week by week"
            description="Mean time to acknowledge and to resolve, per week (weeks start on Monday, UTC)."
            csv={{ href: csv("byWeek"), what: "response week by week" }}
            chart={<TrendChart rows={toChartRows(report.byWeek, (r) => formatWeekLabel(r.key))} series={DURATION_SERIES} label="Line chart of mean time to acknowledge and to resolve per week; the table below has the figures." tableId="response-by-week" />}
            table={<ResponseTable id="response-by-week" rows={report.byWeek} groupLabel="Week of" caption="Response week by week" />}
          />
          <div className="grid gap-6 xl:grid-cols-2">
            {groups.map((g) => {
              const shown = busiest(g.rows);
              const cut = shown.length < g.rows.length;
              return (
                <ReportPanel
                  key={g.table}
                  title={`By ${g.noun}`}
                  description={cut ? `The ${shown.length} with the most incidents, of ${formatCount(g.rows.length)}; the CSV has every ${g.noun}.` : undefined}
                  csv={{ href: csv(g.table), what: `response by ${g.noun}` }}
                  chart={<BarsChart rows={toChartRows(shown, g.label)} series={DURATION_SERIES} kind="duration" label={`Bar chart of mean time to acknowledge and to resolve by ${g.noun}; the table below has the figures.`} tableId={`response-${g.table}`} />}
                  table={<ResponseTable id={`response-${g.table}`} rows={shown} groupLabel={g.noun[0]!.toUpperCase() + g.noun.slice(1)} caption={cut ? `Response by ${g.noun}: the ${shown.length} with the most incidents, of ${g.rows.length}` : `Response by ${g.noun}`} />}
                />
              );
            })}
          </div>
        </>
      )}

      <ReportPanel
        title="SLA breaches"
        description={
          sla.measured === 0 ? (
            "No incident in this period had an SLA target. Managers set targets per priority on each client."
          ) : (
            <>
              <Badge variant={sla.breachCount ? "danger" : "success"} className="mr-1.5 align-[1px]">
                {formatShare(shareOf(sla.breachCount, sla.measured))}
              </Badge>
              {formatCount(sla.breachCount)} of {formatCount(sla.measured)} incidents with a target missed it. Confidential incidents are counted; you see only those you may open.
            </>
          )
        }
        csv={{ href: csv("slaBreaches"), what: "SLA breaches" }}
        tableOpen
        table={sla.breaches.length === 0 ? <p className="px-5 py-4 text-sm text-slate-600 sm:px-6">No breaches in this period.</p> : <BreachesTable breaches={sla.breaches} timeZone={timeZone} />}
      />
    </div>
  );
}

function CsvInline({ href }: { href: string }) {
  return (
    <a href={href} download className="font-medium text-brand-700 underline-offset-2 hover:underline" aria-label="Download CSV: response totals">
      Totals as CSV
    </a>
  );
}

