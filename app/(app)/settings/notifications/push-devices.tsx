"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { BellOff, BellPlus, Send, Trash2 } from "lucide-react";
import { deviceLabel } from "@/components/push/device-label";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/action-state";
import type { PushDeviceOutput } from "@/lib/escalations/notification-settings-schemas";
import { removePushDeviceAction, sendTestPushAction } from "./actions";
import { formatDateTime } from "@/lib/format/date-time";

const SUBSCRIPTIONS = "/api/v1/me/push-subscriptions";

type Support = "checking" | "supported" | "unsupported" | "ios-needs-install";
type Note = { kind: "success" | "error"; text: string } | null;

function base64UrlToBytes(s: string): Uint8Array<ArrayBuffer> {
  const raw = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}
const sameKey = (a: ArrayBuffer | null | undefined, b: Uint8Array) => !!a && a.byteLength === b.byteLength && new Uint8Array(a).every((x, i) => x === b[i]);

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" });
  return navigator.serviceWorker.ready;
}
async function apiError(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `Baton answered ${res.status}.`;
  } catch {
    return `Baton answered ${res.status}.`;
  }
}

/** Enable or turn off push on this browser, list the person's devices with remove, and send a test push. */
export function PushDevices({ devices, timeZone, pushEnabled }: { devices: PushDeviceOutput[]; timeZone: string; pushEnabled: boolean }) {
  const router = useRouter();
  const [support, setSupport] = useState<Support>("checking");
  const [permission, setPermission] = useState<NotificationPermission | null>(null);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const [testState, testAction] = useActionState(sendTestPushAction, idleState);

  useEffect(() => {
    const ok = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window && window.isSecureContext;
    const ios = /iPhone|iPad/.test(navigator.userAgent) && !window.matchMedia("(display-mode: standalone)").matches;
    // Reading the browser's capabilities after mount: they don't exist on the server.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSupport(ok ? "supported" : ios ? "ios-needs-install" : "unsupported");
    if (!ok) return;
    setPermission(Notification.permission);
    navigator.serviceWorker
      .getRegistration("/")
      .then((reg) => reg?.pushManager.getSubscription())
      .then((sub) => setEndpoint(sub?.endpoint ?? null))
      .catch(() => setEndpoint(null));
  }, []);

  const thisBrowser = endpoint ? devices.find((d) => d.endpoint === endpoint) : undefined;

  async function enable() {
    setBusy(true);
    setNote(null);
    try {
      const answer = await Notification.requestPermission();
      setPermission(answer);
      if (answer !== "granted") {
        setNote({ kind: "error", text: "Notifications are blocked for Baton in this browser. Allow them in the site settings (the icon left of the address), then try again." });
        return;
      }
      const reg = await registration();
      const keyRes = await fetch("/api/v1/me/push/vapid-public-key", { cache: "no-store" });
      if (!keyRes.ok) throw new Error(await apiError(keyRes));
      const key = base64UrlToBytes(((await keyRes.json()) as { data: { publicKey: string } }).data.publicKey);
      let sub = await reg.pushManager.getSubscription();
      // Subscribed with another server key (the VAPID keys changed): start over, or pushes are refused.
      if (sub && !sameKey(sub.options.applicationServerKey, key)) {
        await sub.unsubscribe();
        sub = null;
      }
      sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      const res = await fetch(SUBSCRIPTIONS, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(sub.toJSON()) });
      if (!res.ok) throw new Error(await apiError(res));
      setEndpoint(sub.endpoint);
      setNote({ kind: "success", text: pushEnabled ? "Push is on for this browser. Send a test push to see one arrive." : "This browser is registered, but push is switched off in your channels above: turn it on to be paged here." });
      router.refresh();
    } catch (e) {
      setNote({ kind: "error", text: `This browser could not subscribe to push: ${(e as Error).message || String(e)}` });
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    setNote(null);
    try {
      const reg = await navigator.serviceWorker.getRegistration("/");
      const sub = await reg?.pushManager.getSubscription();
      if (sub) {
        const res = await fetch(SUBSCRIPTIONS, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint: sub.endpoint }) });
        if (!res.ok && res.status !== 404) throw new Error(await apiError(res));
        await sub.unsubscribe();
      }
      setEndpoint(null);
      setNote({ kind: "success", text: "Push is off for this browser." });
      router.refresh();
    } catch (e) {
      setNote({ kind: "error", text: `Could not turn push off: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  const when = (iso: string) => formatDateTime(iso, timeZone);

  return (
    <div className="space-y-5">
      {support === "ios-needs-install" && (
        <Alert variant="info" title="On iPhone and iPad, install Baton first">
          Open the Share menu, choose “Add to Home Screen”, then open Baton from the Home Screen and enable push there.
        </Alert>
      )}
      {support === "unsupported" && <Alert variant="warning">This browser can’t receive web push (or the page isn’t served over HTTPS). Use another browser or device.</Alert>}
      {note && <FormMessage state={{ status: note.kind, message: note.text }} />}
      <div className="flex flex-col gap-3 rounded-lg border border-border bg-surface-muted px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0 text-sm">
          <p className="font-medium text-fg">This browser</p>
          <p className="text-fg-muted" data-testid="push-status">
            {support === "checking"
              ? "Checking…"
              : thisBrowser
                ? "Push is on: pages arrive here."
                : permission === "denied"
                  ? "Notifications are blocked for Baton in this browser."
                  : "Push is not enabled here yet."}
          </p>
        </div>
        {thisBrowser ? (
          <Button type="button" variant="outline" onClick={turnOff} pending={busy} className="w-full sm:w-auto">
            <BellOff aria-hidden /> Turn off on this browser
          </Button>
        ) : (
          <Button type="button" onClick={enable} pending={busy} disabled={support !== "supported"} className="w-full sm:w-auto">
            <BellPlus aria-hidden /> Enable push on this device
          </Button>
        )}
      </div>

      <div>
        <h3 className="mb-2 text-sm font-medium text-fg">Your devices</h3>
        {devices.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border-strong px-4 py-5 text-center text-sm text-fg-muted">No device receives push yet.</p>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Push devices">
            {devices.map((d) => (
              <li key={d.id} className="flex items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-fg">
                    {deviceLabel(d.userAgent)}
                    {d.id === thisBrowser?.id && <Badge variant="brand">This browser</Badge>}
                    {d.lastFailureAt && (!d.lastSuccessAt || d.lastFailureAt > d.lastSuccessAt) && <Badge variant="warning">Last push failed</Badge>}
                  </p>
                  <p className="text-[0.8125rem] break-words text-fg-muted">
                    Added {when(d.createdAt)} · {d.lastSuccessAt ? `last push ${when(d.lastSuccessAt)}` : "no push yet"} · via {d.service}
                  </p>
                </div>
                <form action={removePushDeviceAction}>
                  <input type="hidden" name="deviceId" value={d.id} />
                  <SubmitButton size="sm" variant="ghost" aria-label={`Remove ${deviceLabel(d.userAgent)} (added ${when(d.createdAt)})`} pendingLabel="Removing…">
                    <Trash2 aria-hidden /> <span className="hidden sm:inline">Remove</span>
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        )}
      </div>

      <ActionForm action={testAction} state={testState} className="flex flex-col gap-3 border-t border-border pt-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0 flex-1">
          {testState.status === "idle" ? (
            <p className="text-sm text-fg-muted">Check that pages reach your devices: the test looks like a page and stays until you tap it.</p>
          ) : (
            <FormMessage state={{ status: testState.status, message: testState.message }} />
          )}
        </div>
        <SubmitButton variant="outline" pendingLabel="Sending…" disabled={devices.length === 0} className="w-full sm:w-auto">
          <Send aria-hidden /> Send a test push
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
