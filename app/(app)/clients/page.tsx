import type { Metadata } from "next";
import Link from "next/link";
import { Building2, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listClients } from "@/lib/clients/read-clients";
import { describeBusinessHours } from "@/lib/core/business-hours";
import { orInterrupt } from "@/lib/http/page-guard";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage() {
  const ctx = await requireSessionCtx();
  const clients = await orInterrupt(() => listClients(ctx, { limit: 200 }));
  const manage = can(ctx.viewer, "clients:manage");
  return (
    <>
      <PageHeader
        title="Clients"
        description="Each client has its own time zone, business hours and holidays. They decide when medium and low alerts may page."
        actions={
          manage && (
            <Button asChild>
              <Link href="/clients/new">
                <Plus className="size-4" aria-hidden /> New client
              </Link>
            </Button>
          )
        }
      />
      {clients.data.length === 0 ? (
        <EmptyState icon={Building2} title="No clients yet" description={manage ? "Add a client with its time zone and business hours." : "No client is shared with you yet."} />
      ) : (
        <Table label="Clients">
          <THead>
            <TR>
              <TH>Client</TH>
              <TH>Time zone</TH>
              <TH>Business hours</TH>
              <TH>Holidays</TH>
            </TR>
          </THead>
          <TBody>
            {clients.data.map((c) => (
              <TR key={c.id}>
                <TD>
                  <Link href={`/clients/${c.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                    {c.name}
                  </Link>
                </TD>
                <TD className="whitespace-nowrap text-slate-600">{c.timeZone}</TD>
                <TD className="text-slate-600">{describeBusinessHours(c.businessHours)}</TD>
                <TD className="tabular-nums text-slate-600">{c.holidays.length}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
