import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Server } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { listServices } from "@/lib/services/read-services";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const ctx = await requireSessionCtx();
  const services = await orInterrupt(() => listServices(ctx, { limit: 200 }));
  const manage = can(ctx.viewer, "services:manage");
  return (
    <>
      <PageHeader
        title="Services"
        description="Monitored systems. Each belongs to a client and a team, and receives alerts through its integration keys."
        actions={
          manage && (
            <Button asChild>
              <Link href="/services/new">
                <Plus className="size-4" aria-hidden /> New service
              </Link>
            </Button>
          )
        }
      />
      {services.data.length === 0 ? (
        <EmptyState icon={Server} title="No services yet" description={manage ? "Create a service for a client, then give its integration key to your monitoring tool." : "No service of the clients you work for yet."} />
      ) : (
        <Table label="Services" className="min-w-[40rem]">
          <THead>
            <TR>
              <TH>Service</TH>
              <TH>Client</TH>
              <TH>Team</TH>
              <TH className="text-right">Keys</TH>
              <TH className="text-right">Open incidents</TH>
            </TR>
          </THead>
          <TBody>
            {services.data.map((s) => (
              <TR key={s.id}>
                <TD>
                  <Link href={`/services/${s.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                    {s.name}
                  </Link>
                  {s.inMaintenance && (
                    <Badge variant="info" className="ml-2">
                      Maintenance
                    </Badge>
                  )}
                  {s.description && <p className="mt-0.5 line-clamp-1 text-xs text-slate-500">{s.description}</p>}
                </TD>
                <TD className="text-sm text-slate-600">{s.client.name}</TD>
                <TD className="text-sm text-slate-600">{s.team.name}</TD>
                <TD className="text-right tabular-nums">{s.activeKeys === 0 ? <Badge variant="warning">None</Badge> : s.activeKeys}</TD>
                <TD className="text-right tabular-nums">{s.openIncidents > 0 ? <Badge variant="danger">{s.openIncidents}</Badge> : <span className="text-slate-500">0</span>}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
