import type { ApiContract } from "@/lib/http/api-route";
import { pushDeviceOutput, pushSubscriptionInput, removePushSubscriptionBody, vapidPublicKeyOutput } from "@/lib/escalations/notification-settings-schemas";
import { one } from "./shapes";

/** Web push for the signed-in person's browsers (session cookie; Baton's own settings page and service worker call them). */
export const pushContracts = {
  readVapidPublicKey: {
    method: "GET",
    path: "/api/v1/me/push/vapid-public-key",
    tag: "Me",
    summary: "The VAPID public key (base64url) to pass as applicationServerKey to pushManager.subscribe",
    auth: "session",
    response: one(vapidPublicKeyOutput),
  },
  savePushSubscription: {
    method: "POST",
    path: "/api/v1/me/push-subscriptions",
    tag: "Me",
    summary: "Register this browser for push pages: the PushSubscription's JSON (https endpoint, keys.p256dh, keys.auth), upserted by endpoint",
    permission: "incidents:respond",
    auth: "session",
    body: pushSubscriptionInput,
    response: one(pushDeviceOutput),
    status: 201,
  },
  removePushSubscription: {
    method: "DELETE",
    path: "/api/v1/me/push-subscriptions",
    tag: "Me",
    summary: "Stop push to a browser of yours, by its endpoint (someone else's is not found)",
    auth: "session",
    body: removePushSubscriptionBody,
    status: 204,
  },
} as const satisfies Record<string, ApiContract>;
