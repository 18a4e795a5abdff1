import Link from "next/link";
import { Lock, Timer } from "lucide-react";
import { PriorityBadge } from "@/components/incidents/incident-badges";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ResponseGroupRow, ResponseReport, SlaBreach } from "@/lib/reports/types";
import { COLORS, BarsChart, TrendChart, type ChartRow } from "./report-charts";
import { formatCount, formatDurationMs, formatShare, formatWeekLabel, PRIORITY_LABELS, shareOf } from "./format";
import { reportCsvHref } from "./report-links";
import { ReportPanel, StatGrid, StatTile } from "./report-panel";

const DURATION_SERIES = [
  { key: "mtta", label: "Time to acknowledge (mean)", color: COLORS.mtta },
  { key: "mttr", label: "Time to resolve (mean)", color: COLORS.mttr },
];

const toChartRows = (rows: ResponseGroupRow[], label: (r: ResponseGroupRow) => string = (r) => r.label): ChartRow[] => rows.map((r) => ({ label: label(r), mtta: r.mtta.mean, mttr: r.mttr.mean }));

/** MTTA and MTTR (mean, median, p90) and the escalation counts of each group. */
export function ResponseTable({ rows, groupLabel, caption, id }: { rows: ResponseGroupRow[]; groupLabel: string; caption: string; id?: string }) {
  return (
    <Table id={id} label={caption} framed={false} className="min-w-[60rem]">
      <TableCaption className="sr-only">{caption}</TableCaption>
      <THead>
        <TR>
          <TH>{groupLabel}</TH>
          <TH className="text-right">Incidents</TH>
          <TH className="text-right">MTTA mean</TH>
          <TH className="text-right">MTTA median</TH>
          <TH className="text-right">MTTA p90</TH>
          <TH className="text-right">MTTR mean</TH>
          <TH className="text-right">MTTR median</TH>
          <TH className="text-right">MTTR p90</TH>
          <TH className="text-right">Escalated</TH>
          <TH className="text-right">Failed over</TH>
          <TH className="text-right">Unanswered</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.key}>
            <TH scope="row" className="font-medium">
              {r.label}
            </TH>
            <TD className="text-right tabular-nums">{formatCount(r.incidents)}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">{formatDurationMs(r.mtta.mean)}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">{formatDurationMs(r.mtta.median)}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">{formatDurationMs(r.mtta.p90)}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">{formatDurationMs(r.mttr.mean)}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">{formatDurationMs(r.mttr.median)}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">{formatDurationMs(r.mttr.p90)}</TD>
            <TD className="text-right tabular-nums">{formatCount(r.escalated)}</TD>
            <TD className="text-right tabular-nums">{formatCount(r.failedOver)}</TD>
            <TD className="text-right tabular-nums">{formatCount(r.unanswered)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

const formatAt = (iso: string, zone: string) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: zone }).format(new Date(iso));

function BreachesTable({ breaches, timeZone }: { breaches: SlaBreach[]; timeZone: string }) {
  return (
    <Table label="SLA breaches" framed={false} className="min-w-[46rem]">
      <TableCaption className="sr-only">Incidents that missed their client&apos;s SLA target, oldest first</TableCaption>
      <THead>
        <TR>
          <TH>Incident</TH>
          <TH>Client</TH>
          <TH>Priority</TH>
          <TH>Target</TH>
          <TH className="text-right">Took</TH>
          <TH>Triggered</TH>
        </TR>
      </THead>
      <TBody>
        {breaches.map((b, i) => (
          <TR key={`${b.incidentId ?? "confidential"}-${b.kind}-${i}`}>
            <TD className="max-w-xs">
              {b.incidentId ? (
                <Link href={`/incidents/${b.incidentId}`} className="font-medium text-slate-900 hover:text-indigo-600">
                  {b.number !== null && <span className="mr-1.5 text-slate-500 tabular-nums">#{b.number}</span>}
                  <span className="break-words">{b.title}</span>
                </Link>
              ) : (
                <span className="flex items-center gap-1.5 text-slate-600">
                  <Lock aria-hidden className="size-3.5" /> Confidential incident
                </span>
              )}
            </TD>
            <TD className="whitespace-nowrap">{b.clientName}</TD>
            <TD>
              <PriorityBadge priority={b.priority} />
            </TD>
            <TD className="whitespace-nowrap">
              {b.kind === "acknowledge" ? "Acknowledge" : "Resolve"} within {formatDurationMs(b.targetMinutes * 60_000)}
            </TD>
            <TD className="text-right font-medium whitespace-nowrap text-red-700 tabular-nums">{formatDurationMs(b.tookMs)}</TD>
            <TD className="whitespace-nowrap text-slate-600">{formatAt(b.triggeredAt, timeZone)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** The Response tab: headline figures, week by week, by priority/client/team/service, SLA breaches. */
export function ResponseSection({ report, timeZone, showTeams }: { report: ResponseReport; timeZone: string; showTeams: boolean }) {
  const { totals, sla, filters } = report;
  const csv = (table: Parameters<typeof reportCsvHref<"response">>[1]) => reportCsvHref("response", table, filters);
  const breachTone = sla.breachCount > 0 ? "danger" : "good";
  return (
    <div className="space-y-6">
      <StatGrid label="Headline figures for the period">
        <StatTile label="Incidents" value={formatCount(totals.incidents)} detail={<CsvInline href={csv("totals")} />} />
        <StatTile label="Time to acknowledge" value={formatDurationMs(totals.mtta.median)} detail={`median · mean ${formatDurationMs(totals.mtta.mean)}`} />
        <StatTile label="Time to resolve" value={formatDurationMs(totals.mttr.median)} detail={`median · mean ${formatDurationMs(totals.mttr.mean)}`} />
        <StatTile label="Escalated" value={formatCount(totals.escalated)} detail={`${formatShare(shareOf(totals.escalated, totals.incidents))} reached level 2+`} tone={totals.escalated > 0 ? "warning" : "neutral"} />
        <StatTile label="Unanswered" value={formatCount(totals.unanswered)} detail={`${formatCount(totals.failedOver)} failed over to team leads`} tone={totals.unanswered > 0 ? "danger" : "neutral"} />
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
            <ReportPanel
              title="By priority"
              csv={{ href: csv("byPriority"), what: "response by priority" }}
              chart={<BarsChart rows={toChartRows(report.byPriority, (r) => PRIORITY_LABELS[r.key as keyof typeof PRIORITY_LABELS] ?? r.label)} series={DURATION_SERIES} kind="duration" label="Bar chart of mean time to acknowledge and to resolve by priority; the table below has the figures." tableId="response-by-priority" />}
              table={<ResponseTable id="response-by-priority" rows={report.byPriority} groupLabel="Priority" caption="Response by priority" />}
            />
            <ReportPanel
              title="By client"
              csv={{ href: csv("byClient"), what: "response by client" }}
              chart={<BarsChart rows={toChartRows(report.byClient)} series={DURATION_SERIES} kind="duration" label="Bar chart of mean time to acknowledge and to resolve by client; the table below has the figures." tableId="response-by-client" />}
              table={<ResponseTable id="response-by-client" rows={report.byClient} groupLabel="Client" caption="Response by client" />}
            />
            {showTeams && (
              <ReportPanel
                title="By team"
                csv={{ href: csv("byTeam"), what: "response by team" }}
                chart={<BarsChart rows={toChartRows(report.byTeam)} series={DURATION_SERIES} kind="duration" label="Bar chart of mean time to acknowledge and to resolve by team; the table below has the figures." tableId="response-by-team" />}
                table={<ResponseTable id="response-by-team" rows={report.byTeam} groupLabel="Team" caption="Response by team" />}
              />
            )}
            <ReportPanel
              title="By service"
              csv={{ href: csv("byService"), what: "response by service" }}
              chart={<BarsChart rows={toChartRows(report.byService)} series={DURATION_SERIES} kind="duration" label="Bar chart of mean time to acknowledge and to resolve by service; the table below has the figures." tableId="response-by-service" />}
              table={<ResponseTable id="response-by-service" rows={report.byService} groupLabel="Service" caption="Response by service" />}
            />
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

