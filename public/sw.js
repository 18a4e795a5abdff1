/*
 * Baton's service worker: shows the pages web push delivers and opens them when tapped. It caches
 * nothing (Baton is live data) and keeps the subscription registered when the browser rotates it.
 * Push payload (lib/escalations/channels/push.ts): { title, body, url, tag, notificationId }.
 */
const SUBSCRIPTIONS = "/api/v1/me/push-subscriptions";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

/** Only Baton's own pages: a payload can't send the person elsewhere. */
function sameOriginUrl(value) {
  try {
    const url = new URL(value || "/", self.location.origin);
    return url.origin === self.location.origin ? url.href : new URL("/", self.location.origin).href;
  } catch {
    return new URL("/", self.location.origin).href;
  }
}

self.addEventListener("push", (event) => {
  let data = {};
  if (event.data) {
    try {
      data = event.data.json();
    } catch {
      data = { body: event.data.text() };
    }
  }
  event.waitUntil(
    self.registration.showNotification(data.title || "Baton", {
      body: data.body || "",
      // renotify needs a tag: repeats of one incident replace each other but still ring.
      tag: data.tag || "baton",
      renotify: true,
      requireInteraction: true,
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      timestamp: Date.now(),
      data: { url: sameOriginUrl(data.url), notificationId: data.notificationId || null },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || sameOriginUrl("/");
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => w.url === url);
      // Never navigate another open Baton tab away: it may hold a half-written note.
      if (open) return open.focus();
      return self.clients.openWindow(url);
    })(),
  );
});

self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    (async () => {
      const old = event.oldSubscription;
      let sub = event.newSubscription;
      if (!sub) {
        const res = await fetch("/api/v1/me/push/vapid-public-key", { credentials: "same-origin" });
        if (!res.ok) return;
        const { data } = await res.json();
        const raw = atob(data.publicKey.replace(/-/g, "+").replace(/_/g, "/"));
        const key = Uint8Array.from(raw, (c) => c.charCodeAt(0));
        sub = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      }
      await fetch(SUBSCRIPTIONS, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(sub.toJSON()) });
      if (old && old.endpoint !== sub.endpoint) {
        await fetch(SUBSCRIPTIONS, { method: "DELETE", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint: old.endpoint }) });
      }
    })(),
  );
});
