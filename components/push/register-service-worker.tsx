"use client";

import { useEffect } from "react";

/** Registers /sw.js for the signed-in app: it shows web-push pages and opens them when tapped. */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    // updateViaCache "none": a new sw.js is picked up on the next visit, whatever HTTP caches say.
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch((e: unknown) => console.warn("[push] service worker not registered:", e));
  }, []);
  return null;
}
