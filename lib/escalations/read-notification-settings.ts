import { eq } from "drizzle-orm";
import { notificationPreferences } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { DEFAULT_PREFERENCES, type NotificationRule } from "@/lib/core/escalation";
import type { Ctx } from "@/lib/context";
import { listPushDevices } from "./list-push-devices";
import type { PushDeviceOutput } from "./notification-settings-schemas";

export type ChannelSetting = { enabled: boolean; delayMinutes: number };
export type NotificationSettings = {
  /** Always on: the portal's alarm rings as soon as the level is notified. */
  inApp: { enabled: true; delayMinutes: number };
  email: ChannelSetting;
  push: ChannelSetting;
  repeatEveryMinutes: number;
  shiftReminders: boolean;
  /** False until the person saves their own rules (the defaults apply). */
  customised: boolean;
  devices: PushDeviceOutput[];
};

/** The stored rules as switches and delays: a channel without a rule is off; the earliest rule wins. */
export function channelSettings(rules: NotificationRule[]): Pick<NotificationSettings, "inApp" | "email" | "push"> {
  const delay = (channel: NotificationRule["channel"]) => {
    const ds = rules.filter((r) => r.channel === channel).map((r) => r.delayMinutes);
    return ds.length ? Math.min(...ds) : null;
  };
  const email = delay("email");
  const push = delay("push");
  return {
    inApp: { enabled: true, delayMinutes: delay("in_app") ?? 0 },
    email: { enabled: email !== null, delayMinutes: email ?? 0 },
    push: { enabled: push !== null, delayMinutes: push ?? 0 },
  };
}

/** The viewer's own paging rules and push devices. Stakeholders aren't paged: forbidden. */
export async function readNotificationSettings(ctx: Ctx): Promise<NotificationSettings> {
  await requirePermission(ctx, "incidents:respond", { type: "notification_settings" });
  const [row] = await ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ctx.viewer.userId));
  const rules = row?.rules ?? DEFAULT_PREFERENCES.rules;
  return {
    ...channelSettings(rules),
    repeatEveryMinutes: row?.repeatEveryMinutes ?? DEFAULT_PREFERENCES.repeatEveryMinutes,
    shiftReminders: (row?.shiftReminders ?? "on") === "on",
    customised: Boolean(row),
    devices: await listPushDevices(ctx),
  };
}
