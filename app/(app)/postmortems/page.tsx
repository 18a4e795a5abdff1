import type { Metadata } from "next";
import { FileText } from "lucide-react";
import { AwaitingReviewCard } from "@/components/postmortems/awaiting-review-card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listPostmortems } from "@/lib/postmortems/list-postmortems";
import { formatDateTime } from "@/lib/format/date-time";
import { PostmortemTitleLink } from "@/components/postmortems/postmortem-title-link";

export const metadata: Metadata = { title: "Post-mortems" };

const STATUS = {
  draft: { label: "Draft", variant: "neutral" },
  in_review: { label: "In review", variant: "info" },
  published: { label: "Published", variant: "success" },
} as const;

export default async function PostmortemsPage() {
  const ctx = await requireSessionCtx();
  const stakeholder = ctx.viewer.role === "stakeholder";
  const [{ data }, { data: waiting }] = await Promise.all([
    listPostmortems(ctx, { limit: 100 }),
    // Those asked of the viewer come first, even when they are older than the 100 listed.
    listPostmortems(ctx, { awaitingMyReview: "true", limit: 50 }),
  ]);
  const fmt = (iso: string) => formatDateTime(iso, ctx.viewer.timeZone);
  if (!data.length)
    return (
      <>
        <PageHeader
          title="Post-mortems"
          description="Blameless reviews of what happened and what changes because of it."
        />
        <EmptyState
          icon={FileText}
          title={
            stakeholder
              ? "No reports yet"
              : "Post-mortems start themselves"
          }
          description={
            stakeholder
              ? "Incident reports that your provider publishes for your organisation, and those you are asked to review, will be listed here."
              : "When an incident resolves, Baton drafts its post-mortem with the timeline, response times and who was paged; reviewers comment and publish to stakeholders."
          }
        />
      </>
    );
  return (
    <>
      <PageHeader
        title="Post-mortems"
        description={
          stakeholder
            ? "Published incident reports for your organisation, and those you are asked to review."
            : "Drafted when an incident resolves; reviewed, then published to the client's stakeholders."
        }
      />
      <AwaitingReviewCard
        postmortems={waiting}
        format={fmt}
        canComment={can(ctx.viewer, "incidents:respond")}
      />
      <Table label="Post-mortems">
        <THead>
          <TR>
            <TH>Incident</TH>
            <TH>Status</TH>
            <TH className="hidden sm:table-cell">Meeting</TH>
            {!stakeholder && (
              <TH className="hidden sm:table-cell">Overdue items</TH>
            )}
          </TR>
        </THead>
        <TBody>
          {data.map((p) => (
            <TR key={p.id}>
              <TD className="max-w-[22rem]">
                <PostmortemTitleLink id={p.id} incident={p.incident} />
                <p className="text-xs text-slate-500">
                  {p.client.name}
                  {p.incident.resolvedAt
                    ? ` · resolved ${fmt(p.incident.resolvedAt)}`
                    : ""}
                </p>
              </TD>
              <TD>
                <Badge variant={STATUS[p.status].variant}>
                  {STATUS[p.status].label}
                </Badge>
                {p.revision > 0 && (
                  <span className="ml-1 text-xs text-slate-500">
                    rev {p.revision}
                  </span>
                )}
                {p.awaitingMyReview && (
                  <Badge variant="warning" className="ml-1">
                    Waiting for your review
                  </Badge>
                )}
              </TD>
              <TD className="hidden text-sm sm:table-cell">
                {p.meetingAt ? (
                  fmt(p.meetingAt)
                ) : (
                  <span className="text-slate-400">—</span>
                )}
                {p.meetingOverdue && (
                  <Badge variant="warning" className="ml-1">
                    {p.meetingOverdue === "unscheduled"
                      ? "Not scheduled"
                      : "Not held"}
                  </Badge>
                )}
              </TD>
              {!stakeholder && (
                <TD className="hidden sm:table-cell">
                  {p.overdueActionItems > 0 ? (
                    <Badge variant="danger">
                      {p.overdueActionItems} overdue
                    </Badge>
                  ) : (
                    <span className="text-slate-400">0</span>
                  )}
                </TD>
              )}
            </TR>
          ))}
        </TBody>
      </Table>
    </>
  );
}
