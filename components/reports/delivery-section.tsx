import { Send } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { DeliveryReport, DeliveryRow } from "@/lib/reports/types";
import { BarsChart } from "./report-charts";
import { COLORS } from "./report-colors";
import { formatCount, formatDurationMs, formatShare, shareOf } from "./format";
import { reportCsvHref } from "./report-links";
import { Num, NumHead, ReportTable, RowHead, TBody, TH, THead, TR } from "./report-cells";
import { ReportPanel, StatGrid, StatTile } from "./report-panel";

const CHANNEL_LABELS: Record<DeliveryRow["channel"], string> = { in_app: "In-app alarm", email: "Email", push: "Web push", all: "All channels" };
const STATES = ["pending", "sent", "delivered", "read", "failed"] as const;
const STATE_LABELS: Record<(typeof STATES)[number], string> = { pending: "Pending", sent: "Sent", delivered: "Delivered", read: "Read", failed: "Failed" };
const STATE_SERIES = STATES.map((s) => ({ key: s, label: STATE_LABELS[s], color: COLORS[s] }));

/** The Delivery tab: notifications by channel and the state they reached, and how long until read. */
export function DeliverySection({ report }: { report: DeliveryReport }) {
  const { totals, byChannel } = report;
  if (totals.total === 0) {
    return <EmptyState icon={Send} title="No notifications in this period" description="Every page (in-app alarm, email, web push) is counted here by the state it reached." />;
  }
  const rows = [...byChannel, totals];
  return (
    <div className="space-y-6">
      <StatGrid label="Delivery for the period" className="xl:grid-cols-4">
        <StatTile label="Notifications" value={formatCount(totals.total)} />
        <StatTile label="Read" value={formatShare(shareOf(totals.read, totals.total))} detail={`${formatCount(totals.read)} of ${formatCount(totals.total)}`} />
        <StatTile label="Time to read" value={formatDurationMs(totals.timeToRead.median)} detail={`median · p90 ${formatDurationMs(totals.timeToRead.p90)}`} />
        <StatTile label="Failed" value={formatCount(totals.failed)} detail={formatShare(shareOf(totals.failed, totals.total))} tone={totals.failed > 0 ? "danger" : "good"} />
      </StatGrid>
      <ReportPanel
        title="By channel and state"
        description="Each notification counted once, in the furthest state it reached."
        csv={{ href: reportCsvHref("delivery", "byChannel", report.filters), what: "delivery by channel" }}
        chart={<BarsChart rows={byChannel.map((r) => ({ label: CHANNEL_LABELS[r.channel], pending: r.pending, sent: r.sent, delivered: r.delivered, read: r.read, failed: r.failed }))} series={STATE_SERIES} stacked label="Stacked bar chart of notifications per channel by state; the table below has the figures." tableId="delivery-by-channel" />}
        tableOpen
        table={
          <ReportTable id="delivery-by-channel" caption="Notifications by channel and state, with the time from sending to being read" label="Delivery by channel" className="min-w-[52rem]">
            <THead>
              <TR>
                <TH>Channel</TH>
                <NumHead>Total</NumHead>
                {STATES.map((s) => (
                  <NumHead key={s}>
                    {STATE_LABELS[s]}
                  </NumHead>
                ))}
                <NumHead>Time to read (median)</NumHead>
                <NumHead>p90</NumHead>
              </TR>
            </THead>
            <TBody>
              {rows.map((r) => (
                <TR key={r.channel} className={r.channel === "all" ? "bg-surface-muted font-medium" : undefined}>
                  <RowHead>{CHANNEL_LABELS[r.channel]}</RowHead>
                  <Num>{formatCount(r.total)}</Num>
                  {STATES.map((s) => (
                    <Num key={s} className={s === "failed" && r.failed > 0 ? "font-medium text-red-700" : undefined}>
                      {formatCount(r[s])}
                    </Num>
                  ))}
                  <Num>{formatDurationMs(r.timeToRead.median)}</Num>
                  <Num>{formatDurationMs(r.timeToRead.p90)}</Num>
                </TR>
              ))}
            </TBody>
          </ReportTable>
        }
      />
    </div>
  );
}
