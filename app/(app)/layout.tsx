import { IncidentAlarm } from "@/components/alarms/incident-alarm";
import { RegisterServiceWorker } from "@/components/push/register-service-worker";
import { AppShell } from "@/components/shell/app-shell";
import { navigationFor } from "@/lib/access/navigation";
import { signOut } from "@/lib/auth/config";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { devMailboxOpen } from "@/lib/env";
import { listMyAlarms } from "@/lib/escalations/list-my-alarms";
import { acknowledgeFromAlarmAction } from "./alarm-actions";

export const dynamic = "force-dynamic";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/signin" });
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireSessionCtx();
  const { viewer } = ctx;
  const alarms = await listMyAlarms(ctx);
  return (
    <AppShell user={{ name: viewer.name || viewer.email, email: viewer.email, role: viewer.role }} nav={navigationFor(viewer, { mailbox: devMailboxOpen() })} signOutAction={signOutAction}>
      {children}
      <IncidentAlarm initial={alarms} timeZone={viewer.timeZone} acknowledgeAction={acknowledgeFromAlarmAction} />
      <RegisterServiceWorker />
    </AppShell>
  );
}
