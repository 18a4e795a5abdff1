import type { Metadata } from "next";
import { ClientForm } from "@/components/clients/client-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { clientFormOptions } from "@/lib/clients/client-form-options";
import { uniformBusinessHours } from "@/lib/core/business-hours";
import { orInterrupt } from "@/lib/http/page-guard";
import { createClientAction } from "../actions";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  const ctx = await requireSessionCtx();
  const options = await orInterrupt(async () => {
    await requirePermission(ctx, "clients:manage", { type: "client" });
    return clientFormOptions(ctx);
  });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New client" breadcrumb={[{ label: "Clients", href: "/clients" }, { label: "New client" }]} />
      <ClientForm
        action={createClientAction}
        submitLabel="Create client"
        {...options}
        values={{
          name: "",
          timeZone: ctx.viewer.timeZone,
          businessHours: uniformBusinessHours(["mon", "tue", "wed", "thu", "fri"], { start: "08:00", end: "18:00" }),
          holidays: [],
          notes: "",
          slaTargets: {},
          teamIds: [],
          stakeholderIds: [],
        }}
      />
    </div>
  );
}
