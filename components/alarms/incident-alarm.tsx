"use client";

import * as React from "react";
import { usePathname, useRouter } from "next/navigation";
import { BellRing, CheckCircle2, ExternalLink, Lock, Volume2, VolumeX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { AlarmOutput } from "@/lib/escalations/alarm-schemas";
import { AlarmSound } from "./alarm-sound";
import { formatClock } from "@/lib/format/date-time";

export type AcknowledgeResult = { ok: true } | { ok: false; code: string; message: string };

type Props = {
  /** What rang when the page was rendered; polling keeps it current. */
  initial: AlarmOutput[];
  timeZone: string;
  acknowledgeAction: (incidentId: string) => Promise<AcknowledgeResult>;
  /** How often to ask the server (ms); the brief for paging is at most 5 s. */
  pollMs?: number;
};

const PRIORITY: Record<string, { label: string; chip: string }> = {
  high: { label: "High", chip: "bg-red-600 text-white" },
  medium: { label: "Medium", chip: "bg-amber-500 text-white" },
  low: { label: "Low", chip: "bg-slate-600 text-white" },
};

const noSubscription = () => () => {};
const notificationPermission = (): NotificationPermission | "unsupported" => ("Notification" in window ? Notification.permission : "unsupported");

async function postJson(url: string, body?: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
}

/**
 * The full-screen alarm on every page of the signed-in portal: the viewer's unread in-app pages,
 * a repeating beep and a browser notification, until they open (read) or acknowledge each.
 * Polls GET /api/v1/me/alarms; reports what it shows as delivered.
 */
export function IncidentAlarm({ initial, timeZone, acknowledgeAction, pollMs = 3000 }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [alarms, setAlarms] = React.useState<AlarmOutput[]>(initial);
  const [dismissed, setDismissed] = React.useState<Set<string>>(() => new Set());
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [sound, setSound] = React.useState<"starting" | "on" | "blocked">("starting");
  const browserPermission = React.useSyncExternalStore(noSubscription, notificationPermission, () => "unsupported" as const);
  const [asked, setAsked] = React.useState<NotificationPermission | null>(null);
  const permission = asked ?? browserPermission;
  const soundRef = React.useRef<AlarmSound | null>(null);
  const reported = React.useRef(new Set<string>());
  const notified = React.useRef(new Map<string, { close(): void }>());

  // The incident page being viewed marks its own pages read; don't ring over it.
  const visible = React.useMemo(() => alarms.filter((a) => !dismissed.has(a.incidentId) && pathname !== `/incidents/${a.incidentId}`), [alarms, dismissed, pathname]);
  const ringing = visible.length > 0;

  const poll = React.useCallback(async () => {
    try {
      const res = await fetch("/api/v1/me/alarms", { cache: "no-store" });
      if (!res.ok) return;
      const { data } = (await res.json()) as { data: AlarmOutput[] };
      setAlarms(data);
      setDismissed((d) => (d.size ? new Set([...d].filter((id) => data.some((a) => a.incidentId === id))) : d));
    } catch {
      // Offline for a moment: the next poll tries again.
    }
  }, []);

  React.useEffect(() => {
    const id = setInterval(poll, pollMs);
    const onVisible = () => document.visibilityState === "visible" && void poll();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [poll, pollMs]);

  // Shown on screen: sent → delivered (once per notification).
  React.useEffect(() => {
    const ids = visible.filter((a) => a.state === "sent").flatMap((a) => a.notificationIds).filter((id) => !reported.current.has(id));
    if (!ids.length) return;
    ids.forEach((id) => reported.current.add(id));
    void postJson("/api/v1/me/alarms/delivered", { ids }).catch(() => ids.forEach((id) => reported.current.delete(id)));
  }, [visible]);

  // Sound while anything rings; a tap anywhere unlocks it where autoplay is blocked.
  React.useEffect(() => {
    if (!ringing) {
      soundRef.current?.stop();
      return;
    }
    soundRef.current ??= new AlarmSound();
    const s = soundRef.current;
    void s.start().then((audible) => setSound(audible ? "on" : "blocked"));
    const unlock = () => void s.unlock().then((audible) => audible && setSound("on"));
    document.addEventListener("pointerdown", unlock);
    document.addEventListener("keydown", unlock);
    return () => {
      document.removeEventListener("pointerdown", unlock);
      document.removeEventListener("keydown", unlock);
    };
  }, [ringing]);
  React.useEffect(() => () => soundRef.current?.dispose(), []);

  // A browser notification per incident, where the person allowed them.
  React.useEffect(() => {
    if (permission !== "granted") return;
    for (const a of visible) {
      if (notified.current.has(a.incidentId)) continue;
      const title = a.confidential ? "A confidential incident needs you" : `${(a.priority ?? "").toUpperCase()} · ${a.client}`;
      const options: NotificationOptions = { body: a.confidential ? `#${a.number} · open Baton to see it` : `#${a.number} ${a.title}`, tag: `incident-${a.incidentId}`, requireInteraction: true };
      let n: { close(): void };
      try {
        const page = new Notification(title, options);
        page.onclick = () => window.focus();
        n = page;
      } catch {
        // Android Chrome allows notifications only through the service worker.
        const tag = options.tag!;
        void navigator.serviceWorker?.ready.then((r) => r.showNotification(title, options)).catch(() => undefined);
        n = { close: () => void navigator.serviceWorker?.ready.then((r) => r.getNotifications({ tag })).then((ns) => ns.forEach((x) => x.close())) };
      }
      notified.current.set(a.incidentId, n);
    }
    for (const [incidentId, n] of notified.current) {
      if (!visible.some((a) => a.incidentId === incidentId)) {
        n.close();
        notified.current.delete(incidentId);
      }
    }
  }, [visible, permission]);

  async function askPermission() {
    setAsked(await Notification.requestPermission());
  }

  async function acknowledge(a: AlarmOutput) {
    setBusy(`ack:${a.incidentId}`);
    setError(null);
    const r = await acknowledgeAction(a.incidentId);
    setBusy(null);
    if (!r.ok && r.code !== "conflict") {
      setError(r.message);
      return;
    }
    setDismissed((d) => new Set(d).add(a.incidentId));
    router.refresh();
    void poll();
  }

  async function open(a: AlarmOutput) {
    setBusy(`open:${a.incidentId}`);
    setError(null);
    const res = await postJson(`/api/v1/me/alarms/${encodeURIComponent(a.id)}/read`).catch(() => null);
    setBusy(null);
    if (!res || (!res.ok && res.status !== 404)) {
      setError("Could not reach Baton. Check your connection and try again.");
      return;
    }
    setDismissed((d) => new Set(d).add(a.incidentId));
    router.push(`/incidents/${a.incidentId}`);
  }

  if (!ringing) return null;

  return (
    <div
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="alarm-title"
      aria-describedby="alarm-hint"
      data-sound={sound}
      className="fixed inset-0 z-[200] flex flex-col overflow-y-auto bg-[radial-gradient(80rem_40rem_at_50%_-10rem,var(--color-red-600),var(--color-red-950)_70%)] text-white"
    >
      <div className="mx-auto flex w-full max-w-xl flex-1 flex-col px-4 pt-10 pb-8 sm:pt-16">
        <div className="flex flex-col items-center text-center">
          <span className="relative grid size-20 place-items-center">
            <span aria-hidden className="absolute inset-0 animate-ping rounded-full bg-white/25 motion-reduce:animate-none" />
            <span className="relative grid size-20 place-items-center rounded-full bg-white text-red-600 shadow-xl">
              <BellRing className="size-9" aria-hidden />
            </span>
          </span>
          <h2 id="alarm-title" className="mt-6 text-2xl font-semibold tracking-tight sm:text-3xl">
            {visible.length === 1 ? "You are being paged" : `${visible.length} incidents need you`}
          </h2>
          <p id="alarm-hint" className="mt-2 max-w-sm text-[0.9375rem] leading-6 text-white/80">
            Acknowledge to take it and stop the escalation, or open it to look first.
          </p>
          <div className="mt-4 flex flex-wrap justify-center gap-2">
            {sound === "blocked" && (
              <button type="button" onClick={() => void soundRef.current?.unlock().then((ok) => ok && setSound("on"))} className="inline-flex items-center gap-2 rounded-full bg-white/15 px-4 py-2 text-sm font-medium ring-1 ring-white/30 ring-inset hover:bg-white/25">
                <VolumeX className="size-4" aria-hidden /> Tap to enable sound
              </button>
            )}
            {sound === "on" && (
              <span className="inline-flex items-center gap-2 rounded-full bg-white/10 px-3 py-1.5 text-xs font-medium text-white/85">
                <Volume2 className="size-3.5" aria-hidden /> Sound on
              </span>
            )}
            {permission === "default" && (
              <button type="button" onClick={() => void askPermission()} className="inline-flex items-center gap-2 rounded-full bg-white/15 px-4 py-2 text-sm font-medium ring-1 ring-white/30 ring-inset hover:bg-white/25">
                <BellRing className="size-4" aria-hidden /> Allow browser notifications
              </button>
            )}
          </div>
        </div>

        {error && (
          <p role="alert" className="mt-6 rounded-lg bg-white px-4 py-3 text-sm font-medium text-red-700">
            {error}
          </p>
        )}

        <ul className="mt-8 space-y-4" aria-label="Pages">
          {visible.map((a) => {
            const p = a.priority ? PRIORITY[a.priority] : undefined;
            return (
              <li key={a.incidentId} className="overflow-hidden rounded-2xl bg-white text-fg shadow-2xl shadow-red-950/40">
                <div className="px-5 pt-4 pb-4">
                  <div className="flex items-center justify-between gap-3 text-xs font-semibold">
                    {a.confidential ? (
                      <span className="inline-flex items-center gap-1 rounded-full bg-slate-800 px-2 py-0.5 text-white">
                        <Lock className="size-3" aria-hidden /> Confidential
                      </span>
                    ) : (
                      <span className={cn("rounded-full px-2 py-0.5 tracking-wide uppercase", p?.chip)}>{p?.label} priority</span>
                    )}
                    <span className="text-slate-500 tabular-nums">
                      #{a.number} · {formatClock(a.triggeredAt, timeZone)}
                    </span>
                  </div>
                  <p className="mt-2.5 text-lg leading-6 font-semibold break-words">{a.confidential ? "A confidential incident needs you" : a.title}</p>
                  {!a.confidential && (
                    <p className="mt-1 text-sm text-fg-muted">
                      {a.client} · {a.service}
                    </p>
                  )}
                </div>
                <div className="grid grid-cols-2 gap-2 border-t border-border bg-surface-muted px-4 py-3">
                  <Button variant="danger" className="h-11 text-[0.9375rem]" pending={busy === `ack:${a.incidentId}`} disabled={busy !== null} onClick={() => void acknowledge(a)} aria-label={`Acknowledge #${a.number}`}>
                    <CheckCircle2 className="size-5" aria-hidden /> Acknowledge
                  </Button>
                  <Button variant="outline" className="h-11 text-[0.9375rem]" pending={busy === `open:${a.incidentId}`} disabled={busy !== null} onClick={() => void open(a)} aria-label={`Open #${a.number}`}>
                    <ExternalLink className="size-5" aria-hidden /> Open
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
