import type { Metadata } from "next";
import { CalendarDays } from "lucide-react";
import { forbidden } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/auth/session-viewer";

export const metadata: Metadata = { title: "Schedules" };

export default async function SchedulesPage() {
  const { viewer } = await requireSessionCtx();
  if (viewer.role === "stakeholder") forbidden();
  return (
    <>
      <PageHeader title="Schedules" description="Who is on call, when, and how fairly the load is shared." />
      <EmptyState
        icon={CalendarDays}
        eyebrow="Next release"
        title="Fair rotations arrive here"
        description="Build rotations in layers with overrides, time off and swap requests, and let Baton generate a fair quarter."
        features={["Calendar of who is on call, with iCal feeds", "Overrides, time off and swap or cover requests", "A generator that balances weighted on-call burden"]}
      />
    </>
  );
}
