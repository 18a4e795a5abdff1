import { eq } from "drizzle-orm";
import webpush, { WebPushError } from "web-push";
import type { Queryable } from "@/db/client";
import { pushSubscriptions } from "@/db/schema";
import { vapidKeys } from "../vapid";

export type PushMessage = { title: string; body: string; url: string; tag: string; notificationId: string };

export type PushOutcome = { delivered: number; failed: { endpoint: string; reason: string; retryable: boolean }[] };

/**
 * Sends one message to every device a person subscribed, signed with the server's VAPID key
 * (encrypted per RFC 8291 by `web-push`). A subscription the push service says is gone (404, 410)
 * is deleted; 429 and 5xx are retryable.
 */
export async function sendPush(db: Queryable, userId: string, message: PushMessage, now: Date): Promise<PushOutcome> {
  const subs = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  const keys = vapidKeys();
  const out: PushOutcome = { delivered: 0, failed: [] };
  for (const s of subs) {
    try {
      await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, JSON.stringify(message), {
        vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: 300,
        urgency: "high",
        topic: message.tag.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 32),
        timeout: 10_000,
      });
      out.delivered++;
      await db.update(pushSubscriptions).set({ lastSuccessAt: now }).where(eq(pushSubscriptions.id, s.id));
    } catch (e) {
      const status = e instanceof WebPushError ? e.statusCode : undefined;
      if (status === 404 || status === 410) {
        await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, s.id));
        out.failed.push({ endpoint: s.endpoint, reason: `subscription gone (${status})`, retryable: false });
      } else {
        await db.update(pushSubscriptions).set({ lastFailureAt: now }).where(eq(pushSubscriptions.id, s.id));
        out.failed.push({ endpoint: s.endpoint, reason: status ? `push service answered ${status}` : `push service unreachable: ${(e as Error).message}`, retryable: status === undefined || status === 429 || status >= 500 });
      }
    }
  }
  return out;
}
