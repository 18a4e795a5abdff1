import { count, eq } from "drizzle-orm";
import { pushSubscriptions } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toPushDeviceOutput } from "./list-push-devices";
import { pushSubscriptionInput, type PushDeviceOutput } from "./notification-settings-schemas";

/** Enough for every browser and phone a person uses; a bound so one account can't fill the table. */
export const MAX_PUSH_DEVICES = 20;

/**
 * Registers the browser's push subscription for the viewer, upserted by endpoint. An endpoint is
 * one browser profile, so if someone else had registered it (they signed out, the viewer signed in
 * on that browser) it moves to the viewer: pages go to whoever uses the browser now.
 */
export async function savePushSubscription({ ctx, input, userAgent }: { ctx: Ctx; input: unknown; userAgent?: string | null }): Promise<{ device: PushDeviceOutput; created: boolean }> {
  await requirePermission(ctx, "incidents:respond", { type: "push_subscription" });
  const sub = parseInput(pushSubscriptionInput, input);
  const ua = (userAgent ?? "").slice(0, 400);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId }).from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, sub.endpoint));
    if (before?.userId !== ctx.viewer.userId) {
      const [{ n }] = (await tx.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, ctx.viewer.userId))) as [{ n: number }];
      if (n >= MAX_PUSH_DEVICES) throw new ConflictError(`You have ${MAX_PUSH_DEVICES} devices registered for push: remove one first.`);
    }
    const moved = before !== undefined && before.userId !== ctx.viewer.userId;
    const [row] = await tx
      .insert(pushSubscriptions)
      .values({ userId: ctx.viewer.userId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, userAgent: ua, createdAt: ctx.now })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId: ctx.viewer.userId, p256dh: sub.keys.p256dh, auth: sub.keys.auth, userAgent: ua, lastFailureAt: null, ...(moved ? { createdAt: ctx.now, lastSuccessAt: null } : {}) },
      })
      .returning();
    const device = toPushDeviceOutput(row!);
    await recordAudit(tx, ctx, {
      action: before ? (moved ? "push_subscription.move" : "push_subscription.refresh") : "push_subscription.add",
      targetType: "push_subscription",
      targetId: row!.id,
      details: { service: device.service, ...(moved ? { fromUserId: before.userId } : {}) },
    });
    return { device, created: !before || moved };
  });
}
