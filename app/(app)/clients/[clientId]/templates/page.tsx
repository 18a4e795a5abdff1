import type { Metadata } from "next";
import { Trash2 } from "lucide-react";
import { TemplateForm } from "@/components/communications/template-form";
import { PageError } from "@/components/page-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can, requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { getClient } from "@/lib/clients/read-clients";
import { listTemplates } from "@/lib/communications/list-templates";
import { TEMPLATE_VARIABLES } from "@/lib/communications/render-template";
import { CONTACT_ROLE_LABELS } from "@/lib/communications/schemas";
import { orInterrupt } from "@/lib/http/page-guard";
import { deleteTemplateAction, saveTemplateAction } from "../../communications-actions";

export const metadata: Metadata = { title: "Message templates" };

export default async function TemplatesPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { clientId } = await params;
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const client = await orInterrupt(async () => {
    await requirePermission(ctx, "incidents:read-internal", { type: "client", id: clientId });
    return getClient(ctx, clientId);
  });
  const templates = await listTemplates(ctx, { clientId });
  const manage = can(ctx.viewer, "clients:manage");
  return (
    <>
      <PageHeader
        title="Message templates"
        description={`Stakeholder updates for ${client.name}: its own templates win over the ones shared by every client.`}
        breadcrumb={[{ label: "Clients", href: "/clients" }, { label: client.name, href: `/clients/${client.id}` }, { label: "Templates" }]}
      />
      <PageError error={error} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {templates.length === 0 && <p className="text-sm text-slate-500">No templates yet.</p>}
          {templates.map((t) => (
            <Card key={t.id}>
              <CardHeader>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <CardTitle className="flex flex-wrap items-center gap-2">
                    {t.name} <Badge variant="info">{CONTACT_ROLE_LABELS[t.audience]}</Badge>
                    <Badge variant={t.clientId ? "brand" : "neutral"}>{t.clientId ? client.name : "Every client"}</Badge>
                  </CardTitle>
                  {manage && (
                    <form action={deleteTemplateAction}>
                      <input type="hidden" name="clientId" value={client.id} />
                      <input type="hidden" name="templateId" value={t.id} />
                      <Button type="submit" variant="ghost" size="sm" aria-label={`Delete ${t.name}`}>
                        <Trash2 className="size-4" aria-hidden />
                      </Button>
                    </form>
                  )}
                </div>
              </CardHeader>
              <CardContent>
                {manage ? (
                  <TemplateForm clientId={client.id} clientName={client.name} values={t} action={saveTemplateAction} />
                ) : (
                  <>
                    <p className="font-medium text-slate-900">{t.subject}</p>
                    <pre className="mt-2 font-mono text-sm whitespace-pre-wrap text-slate-700">{t.body}</pre>
                  </>
                )}
              </CardContent>
            </Card>
          ))}
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Variables</CardTitle>
              <CardDescription>Handlebars, strict: a variable with no value stops the send and says which.</CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="space-y-1 font-mono text-sm text-slate-800">
                {TEMPLATE_VARIABLES.map((v) => (
                  <li key={v}>{`{{${v}}}`}</li>
                ))}
              </ul>
            </CardContent>
          </Card>
          {manage && (
            <Card>
              <CardHeader>
                <CardTitle>New template</CardTitle>
              </CardHeader>
              <CardContent>
                <TemplateForm clientId={client.id} clientName={client.name} action={saveTemplateAction} />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
