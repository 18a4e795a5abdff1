import type { Metadata } from "next";
import { FileText } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/auth/session-viewer";

export const metadata: Metadata = { title: "Post-mortems" };

export default async function PostmortemsPage() {
  const { viewer } = await requireSessionCtx();
  const stakeholder = viewer.role === "stakeholder";
  return (
    <>
      <PageHeader title="Post-mortems" description="Blameless reviews of what happened and what changes because of it." />
      <EmptyState
        icon={FileText}
        eyebrow="Coming soon"
        title={stakeholder ? "No published reports yet" : "Post-mortems start themselves"}
        description={
          stakeholder
            ? "Incident reports that your provider publishes for your organisation will be listed here."
            : "When an incident resolves, Baton drafts its post-mortem with the timeline, response times and who was paged; reviewers comment and publish to stakeholders."
        }
        features={stakeholder ? ["Reviewed, published reports", "Action items and their status"] : ["Draft filled in from the timeline", "Review, comments and publishing", "Action items and the after-action meeting"]}
      />
    </>
  );
}
