import { ClipboardCheck } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { AlertQualityReport, AlertQualityRow } from "@/lib/reports/types";
import { BarsChart } from "./report-charts";
import { COLORS } from "./report-colors";
import { formatCount, formatShare, shareOf } from "./format";
import { reportCsvHref } from "./report-links";
import { Num, NumHead, ReportTable, RowHead, TBody, TH, THead, TR } from "./report-cells";
import { ReportPanel, StatGrid, StatTile } from "./report-panel";

const FINDINGS = [
  { key: "notReal", label: "Not real" },
  { key: "couldHaveWaited", label: "Could have waited" },
  { key: "wrongPerson", label: "Reached the wrong person" },
  { key: "notEnoughInformation", label: "Not enough information" },
] as const;

const NOISE_SERIES = [
  { key: "notReal", label: "Not real", color: COLORS.failed },
  { key: "couldHaveWaited", label: "Could have waited", color: COLORS.off_hours },
  { key: "other", label: "Real and urgent, or not reviewed", color: COLORS.pending },
];

type NoisyRow = AlertQualityRow & { incidents: number; events?: number };

/** Incidents per service or rule, split into what the review found noise and the rest. */
const noiseRows = (rows: NoisyRow[]) => rows.map((r) => ({ label: r.label, notReal: r.notReal, couldHaveWaited: r.couldHaveWaited, other: Math.max(0, r.incidents - r.notReal - r.couldHaveWaited) }));

function NoiseTable({ rows, groupLabel, caption, id, withEvents }: { rows: NoisyRow[]; groupLabel: string; caption: string; id: string; withEvents: boolean }) {
  return (
    <ReportTable id={id} caption={caption} className="min-w-[52rem]">
      <THead>
        <TR>
          <TH>{groupLabel}</TH>
          <NumHead>Incidents</NumHead>
          {withEvents && <NumHead>Alert events</NumHead>}
          <NumHead>Reviewed</NumHead>
          {FINDINGS.map((f) => (
            <NumHead key={f.key}>{f.label}</NumHead>
          ))}
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.key}>
            <RowHead>{r.label}</RowHead>
            <Num>{formatCount(r.incidents)}</Num>
            {withEvents && <Num>{formatCount(r.events ?? 0)}</Num>}
            <Num>{formatCount(r.reviewed)}</Num>
            {FINDINGS.map((f) => (
              <Num key={f.key}>{formatCount(r[f.key])}</Num>
            ))}
          </TR>
        ))}
      </TBody>
    </ReportTable>
  );
}

/** The Alert quality tab: what the post-mortems' alerting review says, and the noisiest services and rules. */
export function AlertQualitySection({ report }: { report: AlertQualityReport }) {
  const { totals, shares, filters } = report;
  const shareRows = FINDINGS.map((f) => ({ label: f.label, share: shares[f.key] }));
  const noise = shareOf(totals.notReal + totals.couldHaveWaited, totals.reviewed);
  return (
    <div className="space-y-6">
      <StatGrid label="Alert quality for the period" className="xl:grid-cols-5">
        <StatTile label="Reviewed in post-mortems" value={formatCount(totals.reviewed)} />
        {FINDINGS.map((f) => (
          <StatTile key={f.key} label={f.label} value={formatShare(shares[f.key])} detail={`${formatCount(totals[f.key])} incidents`} tone={(shares[f.key] ?? 0) >= 0.25 ? "warning" : "neutral"} />
        ))}
      </StatGrid>

      {totals.reviewed === 0 ? (
        <EmptyState icon={ClipboardCheck} title="No alerting reviews in this period" description="Each post-mortem's alerting review (was it real, could it wait, did it reach the right person, did it say enough) feeds this report." />
      ) : (
        <ReportPanel
          title="What the alerting reviews found"
          description={`Share of the ${formatCount(totals.reviewed)} reviewed incidents. ${formatShare(noise)} were noise: not real or could have waited.`}
          chart={<BarsChart rows={shareRows} series={[{ key: "share", label: "Share of reviewed incidents", color: COLORS.share }]} kind="share" maxValue={1} label="Bar chart of the share of reviewed incidents per finding; the table below has the figures." tableId="alert-quality-shares" />}
          table={
            <ReportTable id="alert-quality-shares" caption={`Alerting review findings over ${totals.reviewed} reviewed incidents`} label="Alerting review findings">
              <THead>
                <TR>
                  <TH>Finding</TH>
                  <NumHead>Incidents</NumHead>
                  <NumHead>Share</NumHead>
                </TR>
              </THead>
              <TBody>
                {FINDINGS.map((f) => (
                  <TR key={f.key}>
                    <RowHead>{f.label}</RowHead>
                    <Num>{formatCount(totals[f.key])}</Num>
                    <Num>{formatShare(shares[f.key])}</Num>
                  </TR>
                ))}
              </TBody>
            </ReportTable>
          }
        />
      )}

      <div className="grid gap-6 xl:grid-cols-2">
        <ReportPanel
          title="Noisiest services"
          description="By incidents received, with what their reviews found."
          csv={{ href: reportCsvHref("alert-quality", "services", filters), what: "noisiest services" }}
          chart={report.noisiestServices.length > 0 ? <BarsChart rows={noiseRows(report.noisiestServices)} series={NOISE_SERIES} stacked label="Stacked bar chart of incidents per service split by review finding; the table below has the figures." tableId="alert-quality-services" /> : undefined}
          table={report.noisiestServices.length > 0 ? <NoiseTable id="alert-quality-services" rows={report.noisiestServices} groupLabel="Service" caption="Noisiest services" withEvents /> : <p className="px-5 py-4 text-sm text-slate-600 sm:px-6">No incidents in this period.</p>}
        />
        <ReportPanel
          title="Noisiest priority rules"
          description="The priority rules that matched most often."
          csv={{ href: reportCsvHref("alert-quality", "rules", filters), what: "noisiest priority rules" }}
          chart={report.noisiestRules.length > 0 ? <BarsChart rows={noiseRows(report.noisiestRules)} series={NOISE_SERIES} stacked label="Stacked bar chart of incidents per priority rule split by review finding; the table below has the figures." tableId="alert-quality-rules" /> : undefined}
          table={report.noisiestRules.length > 0 ? <NoiseTable id="alert-quality-rules" rows={report.noisiestRules} groupLabel="Rule" caption="Noisiest priority rules" withEvents={false} /> : <p className="px-5 py-4 text-sm text-slate-600 sm:px-6">No priority rule matched in this period.</p>}
        />
      </div>
    </div>
  );
}
