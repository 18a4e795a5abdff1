import type { Metadata } from "next";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listClients } from "@/lib/clients/read-clients";
import { listPolicies } from "@/lib/escalation-policies/list-policies";
import { orInterrupt } from "@/lib/http/page-guard";
import { listTeams } from "@/lib/teams/read-teams";
import { ServiceForm } from "../service-forms";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  const ctx = await requireSessionCtx();
  await orInterrupt(() => requirePermission(ctx, "services:manage", { type: "service" }));
  const [clients, teams, policies] = await Promise.all([listClients(ctx, { limit: 200 }), listTeams(ctx, { limit: 200 }), listPolicies(ctx, { limit: 200 })]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="New service" description="A monitored system of one client, answered by one of the teams that work for it." breadcrumb={[{ label: "Services", href: "/services" }, { label: "New" }]} />
      <Card>
        <CardContent>
          <ServiceForm clients={clients.data.map((c) => ({ id: c.id, name: c.name }))} teams={teams.data.map((t) => ({ id: t.id, name: t.name }))} policies={policies.data.map((p) => ({ id: p.id, name: p.name }))} />
        </CardContent>
      </Card>
    </div>
  );
}
