import type { Metadata } from "next";
import { IncidentTypeEditor } from "@/components/incidents/incident-type-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { getIncidentType } from "@/lib/workspace/list-incident-types";
import { updateIncidentTypeAction } from "../actions";

export const metadata: Metadata = { title: "Incident type" };

export default async function IncidentTypePage({ params }: { params: Promise<{ typeId: string }> }) {
  const { typeId } = await params;
  const ctx = await requireSessionCtx();
  const type = await orInterrupt(async () => {
    await requirePermission(ctx, "incidents:manage");
    return getIncidentType(ctx, typeId);
  });
  return (
    <>
      <PageHeader title={type.name} breadcrumb={[{ label: "Incident types", href: "/incident-types" }, { label: type.name }]} description={type.description} />
      <IncidentTypeEditor type={type} action={updateIncidentTypeAction} />
    </>
  );
}
