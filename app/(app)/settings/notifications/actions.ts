"use server";

import { formInput, safeAction } from "@/lib/actions/safe-action";
import { plainAction } from "@/lib/actions/plain-action";
import { UnavailableError } from "@/lib/errors";
import { removePushSubscription } from "@/lib/escalations/remove-push-subscription";
import { sendTestPush } from "@/lib/escalations/send-test-push";
import { updateNotificationSettings } from "@/lib/escalations/update-notification-settings";

const PAGE = "/settings/notifications";

export const updateNotificationSettingsAction = safeAction(async (ctx, form) => {
  await updateNotificationSettings({ ctx, input: formInput(form) });
  return { message: "Notification settings saved.", revalidate: [PAGE] };
});

export const removePushDeviceAction = plainAction(PAGE, async (ctx, form) => {
  await removePushSubscription({ ctx, input: { id: form.get("deviceId") ?? "" } });
});

export const sendTestPushAction = safeAction(async (ctx) => {
  const out = await sendTestPush(ctx);
  const gone = out.failed.filter((f) => /gone/.test(f.reason)).length;
  const problems = out.failed.map((f) => `${new URL(f.endpoint).hostname}: ${f.reason}`);
  const sent = out.delivered === out.devices ? `Test push sent to ${plural(out.delivered, "device")}.` : `Test push sent to ${out.delivered} of ${plural(out.devices, "device")}.`;
  const removed = gone ? `${plural(gone, "device")} no longer subscribed and removed.` : "";
  // Nothing arrived anywhere: show it as an error, with what each push service said.
  if (out.delivered === 0) throw new UnavailableError(["Test push not delivered.", ...problems, removed].filter(Boolean).join(" "));
  const message = [sent, ...problems, removed].filter(Boolean).join(" ");
  return { message, revalidate: [PAGE] };
});

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
