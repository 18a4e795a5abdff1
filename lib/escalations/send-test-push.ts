import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { ConflictError, RateLimitedError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/ratelimit/consume";
import { sendPush, type PushOutcome } from "./channels/push";
import { listPushDevices } from "./list-push-devices";

/** A few a minute: enough to try each device, not enough to use Baton as a pager for fun. */
const TEST_PUSHES_PER_MINUTE = 5;

/**
 * Sends a harmless push to every device of the viewer's, the way a page would go (same VAPID
 * signature, urgency and encryption), so they can see it arrive. A device the push service says
 * is gone is removed, as on a real page.
 */
export async function sendTestPush(ctx: Ctx): Promise<PushOutcome & { devices: number }> {
  await requirePermission(ctx, "incidents:respond", { type: "push_subscription" });
  const devices = await listPushDevices(ctx);
  if (devices.length === 0) throw new ConflictError("No device has push enabled yet: use “Enable push on this device” first.");
  const limit = await consumeRateLimit(ctx.db, `test-push:${ctx.viewer.userId}`, TEST_PUSHES_PER_MINUTE, 60_000, ctx.now);
  if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
  const outcome = await sendPush(
    ctx.db,
    ctx.viewer.userId,
    { title: "Baton test push", body: "Push works on this device. A page looks like this and stays until you tap it.", url: "/settings/notifications", tag: "baton-test", notificationId: "test" },
    ctx.now,
  );
  return { ...outcome, devices: devices.length };
}
