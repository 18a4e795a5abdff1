import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ReportHeadlines } from "@/lib/reports/types";
import { formatCount, formatDurationMs } from "./format";
import { StatGrid, StatTile } from "./report-panel";

/** The dashboard's last-7-days figures; each opens the report it comes from. */
export function HeadlineCards({ headlines }: { headlines: ReportHeadlines }) {
  const h = headlines;
  const response = "/reports?tab=response&period=7d";
  return (
    <Card className="mb-6">
      <CardHeader
        actions={
          <Link href={response} className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:text-brand-800">
            All reports <ArrowRight aria-hidden className="size-4" />
          </Link>
        }
      >
        <CardTitle id="headlines-title">Last 7 days</CardTitle>
        <CardDescription>How fast incidents were answered and who was woken for them.</CardDescription>
      </CardHeader>
      <CardContent>
        <StatGrid label="Last 7 days" className={h.afterHoursInterruptions === null ? "xl:grid-cols-5" : undefined}>
          <StatTile label="Incidents" value={formatCount(h.incidents)} href={response} />
          <StatTile label="MTTA" value={formatDurationMs(h.mtta)} detail="mean time to acknowledge" href={response} />
          <StatTile label="MTTR" value={formatDurationMs(h.mttr)} detail="mean time to resolve" href={response} />
          <StatTile label="Escalated" value={formatCount(h.escalated)} detail="reached level 2+" tone={h.escalated > 0 ? "warning" : "neutral"} href={response} />
          {h.afterHoursInterruptions !== null && (
            <StatTile label="After-hours interruptions" value={formatCount(h.afterHoursInterruptions)} detail="off-hours and sleep" tone={h.afterHoursInterruptions > 0 ? "warning" : "neutral"} href="/reports?tab=load&period=7d" />
          )}
          <StatTile label="SLA breaches" value={formatCount(h.slaBreaches)} tone={h.slaBreaches > 0 ? "danger" : "neutral"} href={response} />
        </StatGrid>
      </CardContent>
    </Card>
  );
}
