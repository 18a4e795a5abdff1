import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { listTeams } from "@/lib/teams/read-teams";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const ctx = await requireSessionCtx();
  const teams = await orInterrupt(() => listTeams(ctx, { limit: 200 }));
  const manage = can(ctx.viewer, "teams:manage");
  return (
    <>
      <PageHeader
        title="Teams"
        description="People who share on-call and respond together. Leads receive failover emails when nobody answers."
        actions={
          manage && (
            <Button asChild>
              <Link href="/teams/new">
                <Plus className="size-4" aria-hidden /> New team
              </Link>
            </Button>
          )
        }
      />
      {teams.data.length === 0 ? (
        <EmptyState icon={Users} title="No teams yet" description={manage ? "Create a team, add its members and choose its leads." : "You are not a member of any team yet."} />
      ) : (
        <Table label="Teams">
          <THead>
            <TR>
              <TH>Team</TH>
              <TH>Members</TH>
              <TH>Leads</TH>
            </TR>
          </THead>
          <TBody>
            {teams.data.map((t) => (
              <TR key={t.id}>
                <TD>
                  <Link href={`/teams/${t.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                    {t.name}
                  </Link>
                  {t.description && <p className="mt-0.5 line-clamp-1 text-xs text-slate-500">{t.description}</p>}
                </TD>
                <TD className="tabular-nums">{t.memberCount}</TD>
                <TD>
                  {t.leads.length === 0 ? (
                    <Badge variant="warning">No lead</Badge>
                  ) : (
                    <span className="text-sm text-slate-700">{t.leads.map((l) => l.name).join(", ")}</span>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
