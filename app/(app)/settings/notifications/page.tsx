import type { Metadata } from "next";
import { PageError } from "@/components/page-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { readNotificationSettings } from "@/lib/escalations/read-notification-settings";
import { orInterrupt } from "@/lib/http/page-guard";
import { SettingsNav } from "../settings-nav";
import { NotificationSettingsForm } from "./notification-settings-form";
import { PushDevices } from "./push-devices";

export const metadata: Metadata = { title: "Notifications" };

/** The viewer's own paging rules and push devices. Stakeholders aren't paged: the 403 page. */
export default async function NotificationSettingsPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const settings = await orInterrupt(() => readNotificationSettings(ctx));
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Settings" />
      <SettingsNav current="notifications" notifications />
      <PageError error={error} />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>How you are paged</CardTitle>
          <CardDescription>When an escalation level notifies you, Baton uses these channels until you read or acknowledge the page.</CardDescription>
        </CardHeader>
        <CardContent>
          <NotificationSettingsForm
            email={settings.email}
            push={settings.push}
            repeatEveryMinutes={settings.repeatEveryMinutes}
            shiftReminders={settings.shiftReminders}
            hasDevices={settings.devices.length > 0}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Push on your devices</CardTitle>
          <CardDescription>Pages arrive as notifications that stay until you tap them, even with Baton closed. Enable push on each phone and computer you carry on call.</CardDescription>
        </CardHeader>
        <CardContent>
          <PushDevices devices={settings.devices} timeZone={ctx.viewer.timeZone} pushEnabled={settings.push.enabled} />
        </CardContent>
      </Card>
    </div>
  );
}
