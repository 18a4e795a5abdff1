import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { listIncidentTypes } from "@/lib/workspace/list-incident-types";

export const metadata: Metadata = { title: "Incident types" };

export default async function IncidentTypesPage() {
  const ctx = await requireSessionCtx();
  const types = await orInterrupt(async () => {
    await requirePermission(ctx, "incidents:manage");
    return listIncidentTypes(ctx);
  });
  return (
    <>
      <PageHeader title="Incident types" description="Each type's checklist template. Setting an incident's type copies its steps; editing a template changes only incidents typed afterwards." />
      <Card>
        <CardContent>
          <ul className="divide-y divide-slate-100" aria-label="Incident types">
            {types.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link href={`/incident-types/${t.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                    {t.name}
                  </Link>
                  <p className="text-sm text-slate-600">{t.description}</p>
                </div>
                <span className="flex items-center gap-2 text-sm text-slate-500">
                  {t.security && <Badge variant="warning">Security</Badge>}
                  {t.steps.length} steps
                </span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </>
  );
}
