import { and, eq } from "drizzle-orm";
import { pushSubscriptions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { removePushSubscriptionInput } from "./notification-settings-schemas";

/**
 * Forgets one of the viewer's push devices, by endpoint or id. Anyone may remove their own (a
 * stakeholder left with an old one too); someone else's is "not found" and stays.
 */
export async function removePushSubscription({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ id: string }> {
  const data = parseInput(removePushSubscriptionInput, input);
  const which = data.id !== undefined ? eq(pushSubscriptions.id, data.id) : eq(pushSubscriptions.endpoint, data.endpoint!);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(pushSubscriptions)
      .where(and(which, eq(pushSubscriptions.userId, ctx.viewer.userId)))
      .returning({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint });
    if (!row) throw new NotFoundError("Push subscription");
    await recordAudit(tx, ctx, { action: "push_subscription.remove", targetType: "push_subscription", targetId: row.id, details: { service: hostOf(row.endpoint) } });
    return { id: row.id };
  });
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).hostname;
  } catch {
    return "unknown";
  }
}
