import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The token in a page email's links: the notification id and an HMAC-SHA-256 of it under the
 * server's secret (256 bits). It names one notification, so it is bound to one person and one
 * incident; the verbs that take it also refuse it once the incident is resolved.
 */
function secret(): string {
  const s = env().AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set: email action links can't be signed");
  return s;
}

const mac = (notificationId: string) => createHmac("sha256", secret()).update(`baton:notification-action:${notificationId}`).digest("base64url");

export function signActionToken(notificationId: string): string {
  return `${notificationId}.${mac(notificationId)}`;
}

/** The notification id of a well-formed, genuine token; null otherwise. */
export function verifyActionToken(token: string): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(m[1]!));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
}
