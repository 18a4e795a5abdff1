import type { Metadata } from "next";
import Link from "next/link";
import { Server } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can, requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import type { Ctx } from "@/lib/context";
import { orInterrupt } from "@/lib/http/page-guard";
import { listServices } from "@/lib/services/read-services";
import { DeclareIncidentForm, type DeclarableService } from "./declare-incident-form";

export const metadata: Metadata = { title: "Declare incident" };

/** Every service the viewer can see (the same scope the declaration checks), page by page. */
async function declarableServices(ctx: Ctx): Promise<DeclarableService[]> {
  const out: DeclarableService[] = [];
  let cursor: string | undefined;
  do {
    const page = await listServices(ctx, { limit: 200, cursor });
    out.push(...page.data.map((s) => ({ id: s.id, name: s.name, client: s.client })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export default async function DeclareIncidentPage() {
  const ctx = await requireSessionCtx();
  await orInterrupt(() => requirePermission(ctx, "incidents:respond", { type: "incident" }));
  const services = await orInterrupt(() => declarableServices(ctx));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Declare incident"
        description="Start an incident by hand, e.g. a phishing report that came in by phone. It is paged like any alert on the service: by its priority, the client's business hours and the service's escalation policy."
        breadcrumb={[{ label: "Incidents", href: "/incidents" }, { label: "Declare" }]}
      />
      {services.length === 0 ? (
        <EmptyState
          icon={Server}
          title="No services to declare an incident on"
          description="An incident belongs to a service. You see the services of the clients your teams work for."
          action={
            can(ctx.viewer, "services:manage") ? (
              <Button asChild variant="secondary">
                <Link href="/services/new">Set up a service</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Card>
          <CardContent>
            <DeclareIncidentForm services={services} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
