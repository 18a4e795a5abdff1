import type { Metadata } from "next";
import { ChartColumn } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/auth/session-viewer";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const { viewer } = await requireSessionCtx();
  const stakeholder = viewer.role === "stakeholder";
  return (
    <>
      <PageHeader title="Reports" description="Response times, load per person and alert quality." />
      <EmptyState
        icon={ChartColumn}
        eyebrow="Coming soon"
        title="Measure how the team responds"
        description={stakeholder ? "Response figures for your organisation (time to acknowledge and resolve) will appear here." : "MTTA and MTTR by team, client and priority; load per person by business, off-hours and sleep-time interruptions; alert quality from post-mortems."}
        features={stakeholder ? ["Time to acknowledge and to resolve", "SLA targets and breaches"] : ["MTTA and MTTR, week by week", "Interruptions per person, by band", "CSV export of every table"]}
      />
    </>
  );
}
