import type { Metadata } from "next";
import { PolicyEditor } from "@/components/escalation-policies/policy-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listTargetOptions } from "@/lib/escalation-policies/list-target-options";
import { orInterrupt } from "@/lib/http/page-guard";
import { createPolicyAction } from "../actions";

export const metadata: Metadata = { title: "New escalation policy" };

export default async function NewPolicyPage() {
  const ctx = await requireSessionCtx();
  const options = await orInterrupt(async () => {
    await requirePermission(ctx, "escalation_policies:write", { type: "escalation_policy" });
    return listTargetOptions(ctx);
  });
  return (
    <>
      <PageHeader
        title="New escalation policy"
        description="Who is paged first, how long they have, who comes next, and who hears about it when nobody answers."
        breadcrumb={[{ label: "Escalation policies", href: "/escalation-policies" }, { label: "New" }]}
      />
      <PolicyEditor
        action={createPolicyAction}
        options={options}
        initial={{ name: "", description: "", levels: [{ delayMinutes: 5, targets: [] }], repeat: 0, stopOn: "acknowledged", failover: { leads: true, userIds: [], emails: [] } }}
      />
    </>
  );
}
