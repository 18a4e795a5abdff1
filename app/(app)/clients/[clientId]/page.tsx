import type { Metadata } from "next";
import Link from "next/link";
import { ClientForm } from "@/components/clients/client-form";
import { HolidayList } from "@/components/holiday-list";
import { PageError } from "@/components/page-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { clientFormOptions } from "@/lib/clients/client-form-options";
import { getClient } from "@/lib/clients/read-clients";
import { WEEKDAY_KEYS, WEEKDAY_LABELS, isWithinBusinessHours, wallClockAt } from "@/lib/core/business-hours";
import { orInterrupt } from "@/lib/http/page-guard";
import { deleteClientAction, updateClientAction } from "../actions";
import { StakeholderDirectorySection } from "./stakeholder-directory-section";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { clientId } = await params;
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const client = await orInterrupt(() => getClient(ctx, clientId));
  const manage = can(ctx.viewer, "clients:manage");
  const open = isWithinBusinessHours(client.businessHours, client.holidays.map((h) => h.date), client.timeZone, ctx.now);
  const header = (
    <PageHeader
      title={client.name}
      description={`${client.timeZone} · ${wallClockAt(client.timeZone, ctx.now).time} local time`}
      breadcrumb={[{ label: "Clients", href: "/clients" }, { label: client.name }]}
      actions={
        can(ctx.viewer, "services:read") && (
          <Button asChild variant="outline">
            <Link href={`/clients/${client.id}/priority-rules`}>Priority rules</Link>
          </Button>
        )
      }
      badge={
        <Badge variant={open ? "success" : "neutral"} dot>
          {open ? "Business hours" : "After hours"}
        </Badge>
      }
    />
  );
  if (!manage) {
    return (
      <>
        {header}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Business hours</CardTitle>
              <CardDescription>In {client.timeZone}</CardDescription>
            </CardHeader>
            <CardContent>
              <dl className="divide-y divide-slate-100">
                {WEEKDAY_KEYS.map((d) => (
                  <div key={d} className="flex justify-between py-2 text-sm">
                    <dt className="font-medium text-slate-700">{WEEKDAY_LABELS[d]}</dt>
                    <dd className="text-slate-600">{client.businessHours[d].length ? client.businessHours[d].map((w) => `${w.start}–${w.end}`).join(", ") : "Closed"}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Holidays</CardTitle>
            </CardHeader>
            <CardContent>
              <HolidayList holidays={client.holidays} />
            </CardContent>
          </Card>
        </div>
        <div className="mt-6">
          <StakeholderDirectorySection ctx={ctx} clientId={client.id} />
        </div>
      </>
    );
  }
  const options = await clientFormOptions(ctx);
  return (
    <>
      {header}
      <PageError error={error} />
      <div className="mx-auto max-w-3xl space-y-6">
        <ClientForm
          action={updateClientAction}
          submitLabel="Save changes"
          {...options}
          values={{
            clientId: client.id,
            name: client.name,
            timeZone: client.timeZone,
            businessHours: client.businessHours,
            holidays: client.holidays,
            notes: client.notes,
            slaTargets: client.slaTargets,
            teamIds: client.teams.map((t) => t.id),
            stakeholderIds: client.stakeholders.map((s) => s.userId),
          }}
        />
        <StakeholderDirectorySection ctx={ctx} clientId={client.id} />
        <Card className="border-red-200">
          <CardHeader>
            <CardTitle>Delete client</CardTitle>
            <CardDescription>Removes the client with its business hours, holidays and stakeholder links.</CardDescription>
          </CardHeader>
          <CardContent>
            <ConfirmDialog
              action={deleteClientAction}
              hidden={{ clientId: client.id }}
              title={`Delete ${client.name}?`}
              description="This cannot be undone. Type the client's name to confirm."
              confirmText={client.name}
              confirmLabel="Delete client"
              triggerLabel="Delete client…"
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
