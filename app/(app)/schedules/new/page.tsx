import type { Metadata } from "next";
import { ScheduleForm } from "@/components/schedules/schedule-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { scheduleFormOptions } from "../schedule-form-options";
import { createScheduleAction } from "../actions";

export const metadata: Metadata = { title: "New schedule" };

export default async function NewSchedulePage() {
  const ctx = await requireSessionCtx();
  const options = await orInterrupt(async () => {
    await requirePermission(ctx, "schedules:manage", { type: "schedule" });
    return scheduleFormOptions(ctx);
  });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="New schedule"
        description="Start with a name and a time zone; add rotation layers and their people on the next page."
        breadcrumb={[{ label: "Schedules", href: "/schedules" }, { label: "New schedule" }]}
      />
      <ScheduleForm
        action={createScheduleAction}
        submitLabel="Create schedule"
        {...options}
        values={{ name: "", description: "", timeZone: ctx.viewer.timeZone, teamId: options.teams.length === 1 ? options.teams[0]!.id : null, clientId: null }}
      />
    </div>
  );
}
