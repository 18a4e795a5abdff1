import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { getClient } from "@/lib/clients/read-clients";
import { describeBusinessHours } from "@/lib/core/business-hours";
import { orInterrupt } from "@/lib/http/page-guard";
import { getClientAlertPolicy } from "@/lib/services/read-services";
import { ClientAlertPolicyForm } from "../../../services/service-forms";

export const metadata: Metadata = { title: "Priority rules" };

export default async function ClientPriorityRulesPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const ctx = await requireSessionCtx();
  const policy = await orInterrupt(() => getClientAlertPolicy(ctx, clientId));
  const client = await orInterrupt(() => getClient(ctx, clientId));
  const manage = can(ctx.viewer, "services:manage");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Priority rules"
        description={`${client.name}'s own rules, tried after each service's rules. Business hours: ${describeBusinessHours(client.businessHours)} (${client.timeZone}).`}
        breadcrumb={[{ label: "Clients", href: "/clients" }, { label: client.name, href: `/clients/${client.id}` }, { label: "Priority rules" }]}
      />
      <Card>
        <CardHeader>
          <CardTitle>Rules and low priority</CardTitle>
          <CardDescription>Default without a matching rule: critical and error → high, warning → medium, info → low.</CardDescription>
        </CardHeader>
        <CardContent>
          {manage ? (
            <ClientAlertPolicyForm clientId={client.id} rules={policy.rules} lowPriority={policy.lowPriority} />
          ) : (
            <div className="space-y-3 text-sm text-slate-700">
              <p>Low-priority alerts: {policy.lowPriority === "record" ? "recorded only, never page" : "page in business hours"}.</p>
              {policy.rules.length === 0 ? (
                <p>No client rules.</p>
              ) : (
                <ol className="list-decimal space-y-1 pl-5">
                  {policy.rules.map((r) => (
                    <li key={r.id}>
                      {r.name} → <strong>{r.priority}</strong>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
