import { notificationPreferences } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { NotificationRule } from "@/lib/core/escalation";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { updateNotificationSettingsInput } from "./notification-settings-schemas";

/**
 * A person's own paging rules: email and push on or off, each with its delay after the level is
 * notified; the until-read repeat interval; shift reminders. In-app is always on (stored as a rule
 * at 0 so the rules say what happens). Only ever the viewer's own row.
 */
export async function updateNotificationSettings({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "incidents:respond", { type: "notification_settings" });
  const data = parseInput(updateNotificationSettingsInput, input);
  const rules: NotificationRule[] = [{ channel: "in_app", delayMinutes: 0 }];
  if (data.emailEnabled) rules.push({ channel: "email", delayMinutes: data.emailDelayMinutes });
  if (data.pushEnabled) rules.push({ channel: "push", delayMinutes: data.pushDelayMinutes });
  const values = { rules, repeatEveryMinutes: data.repeatEveryMinutes, shiftReminders: data.shiftReminders ? ("on" as const) : ("off" as const), updatedAt: ctx.now };
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId: ctx.viewer.userId, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
    await recordAudit(tx, ctx, { action: "notification_settings.update", targetType: "user", targetId: ctx.viewer.userId, details: { rules, repeatEveryMinutes: values.repeatEveryMinutes, shiftReminders: values.shiftReminders } });
    return values;
  });
}
