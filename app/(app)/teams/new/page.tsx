import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { listUsers } from "@/lib/users/read-users";
import { NewTeamForm } from "./team-form";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  const ctx = await requireSessionCtx();
  const people = await orInterrupt(async () => {
    await requirePermission(ctx, "teams:manage", { type: "team" });
    return (await listUsers(ctx, { limit: 200 })).data;
  });
  const candidates = people.filter((p) => p.role !== "stakeholder" && !p.disabled).map((p) => ({ id: p.id, name: p.name, email: p.email, role: p.role }));
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New team" breadcrumb={[{ label: "Teams", href: "/teams" }, { label: "New team" }]} />
      <NewTeamForm candidates={candidates} />
    </div>
  );
}
