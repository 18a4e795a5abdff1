import type { Metadata } from "next";
import { TriangleAlert } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/auth/session-viewer";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const { viewer } = await requireSessionCtx();
  const stakeholder = viewer.role === "stakeholder";
  return (
    <>
      <PageHeader title="Incidents" description={stakeholder ? "Status of incidents affecting your organisation." : "Everything that paged, with its timeline."} />
      <EmptyState
        icon={TriangleAlert}
        eyebrow="Next release"
        title="No incidents yet"
        description={
          stakeholder
            ? "When an incident affects your systems, its status and the updates meant for you appear here."
            : "Alerts from PagerDuty-compatible tools, Alertmanager, Grafana and email become incidents here, with priority rules and a timestamped timeline."
        }
        features={stakeholder ? ["Live status and stakeholder updates", "Only your organisation's incidents"] : ["PagerDuty Events API v2 compatible ingestion", "Dedup, priority rules and business-hours deferral", "Acknowledge and resolve, with a full timeline"]}
      />
    </>
  );
}
