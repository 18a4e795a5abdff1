import { createPublicKey } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";
import { boolish, idSchema } from "@/lib/http/common-schemas";

const minutes = (max: number, what: string) =>
  z.coerce
    .number({ error: `Enter ${what} in minutes` })
    .int("Whole minutes only")
    .min(0, "0 or more")
    .max(max, `At most ${max} minutes`)
    .default(0);

/**
 * A person's own notification rules, as the settings form posts them. In-app is always on (not a
 * field); email and push each have a switch and a delay after their level is notified.
 */
export const updateNotificationSettingsInput = z.object({
  emailEnabled: boolish.default(false),
  emailDelayMinutes: minutes(60, "a delay"),
  pushEnabled: boolish.default(false),
  pushDelayMinutes: minutes(60, "a delay"),
  repeatEveryMinutes: z.coerce.number({ error: "Enter minutes between reminders" }).int("Whole minutes only").min(1, "At least 1 minute").max(60, "At most 60 minutes"),
  shiftReminders: boolish.default(false),
});
export type UpdateNotificationSettingsInput = z.infer<typeof updateNotificationSettingsInput>;

const base64url = (bytes: number, what: string) =>
  z
    .string({ error: `Send ${what}` })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url`)
    .refine((s) => Buffer.from(s, "base64url").length === bytes, `${what} must be ${bytes} bytes`);

/** Push services are public HTTPS hosts: refuse loopback, private names and IP literals (Baton POSTs to this URL). */
function isPublicHttpsHost(u: string): boolean {
  try {
    const { protocol, hostname } = new URL(u);
    const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
    return protocol === "https:" && isIP(host) === 0 && host.includes(".") && !/(^|\.)(localhost|local|internal|home|lan|localdomain)$/.test(host);
  } catch {
    return false;
  }
}

/** A point on P-256, as the browser's PushSubscription gives it (65 bytes, uncompressed). */
function isP256Point(s: string): boolean {
  const raw = Buffer.from(s, "base64url");
  if (raw.length !== 65 || raw[0] !== 4) return false;
  try {
    createPublicKey({ key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33).toString("base64url") }, format: "jwk" });
    return true;
  } catch {
    return false;
  }
}

const endpointSchema = z
  .string({ error: "Send the subscription's endpoint" })
  .trim()
  .max(2048, "At most 2048 characters")
  .pipe(z.url({ protocol: /^https$/, error: "Use the https URL the browser's push service gave" }))
  .refine(isPublicHttpsHost, "The endpoint must be a public push service");

/** `PushSubscription.toJSON()`: what the browser gives after `pushManager.subscribe`. */
export const pushSubscriptionInput = z.object({
  endpoint: endpointSchema,
  expirationTime: z.number().nullable().optional(),
  keys: z.object(
    {
      p256dh: base64url(65, "keys.p256dh").refine(isP256Point, "keys.p256dh is not a P-256 public key"),
      auth: base64url(16, "keys.auth"),
    },
    { error: "Send keys.p256dh and keys.auth" },
  ),
});

/** Forget a device: by its endpoint (the browser unsubscribing, the API) or by id (the settings page). */
export const removePushSubscriptionInput = z
  .object({ endpoint: z.string().trim().min(1, "Required").max(2048, "At most 2048 characters").optional(), id: idSchema.optional() })
  .refine((v) => v.endpoint !== undefined || v.id !== undefined, { message: "Send the subscription's endpoint", path: ["endpoint"] });
/** What the REST API documents (it removes by endpoint). */
export const removePushSubscriptionBody = z.object({ endpoint: z.string().max(2048) });

export const pushDeviceOutput = z.object({
  id: z.string(),
  /** The browser's own endpoint (it tells the page which device is "this browser"); never the keys. */
  endpoint: z.string(),
  /** Who runs the push service (fcm.googleapis.com, updates.push.services.mozilla.com, web.push.apple.com …). */
  service: z.string(),
  userAgent: z.string(),
  createdAt: z.iso.datetime(),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastFailureAt: z.iso.datetime().nullable(),
});
export type PushDeviceOutput = z.infer<typeof pushDeviceOutput>;

export const vapidPublicKeyOutput = z.object({ publicKey: z.string() });
