import type { Metadata } from "next";
import { eq } from "drizzle-orm";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { users } from "@/db/schema";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { listTimeZones } from "@/lib/core/time-zone";
import { ProfileForm } from "./profile-form";
import { SettingsNav } from "./settings-nav";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireSessionCtx();
  const [me] = await ctx.db.select({ name: users.name, phone: users.phone, timeZone: users.timeZone }).from(users).where(eq(users.id, ctx.viewer.userId));
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Settings" />
      <SettingsNav current="profile" notifications={can(ctx.viewer, "incidents:respond")} />
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>Signed in as {ctx.viewer.email}.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm name={me?.name ?? ""} timeZone={me?.timeZone ?? "UTC"} phone={me?.phone ?? ""} timeZones={listTimeZones()} />
        </CardContent>
      </Card>
    </div>
  );
}
