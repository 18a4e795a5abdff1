import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BellRing, CheckCircle2, ExternalLink, Lock, ShieldCheck, UserCheck } from "lucide-react";
import { BrandLogo } from "@/components/shell/brand";
import { cn } from "@/components/ui/cn";
import { SubmitButton } from "@/components/ui/submit-button";
import { getDb } from "@/db/client";
import { loadEmailActionView, type EmailActionView } from "@/lib/escalations/email-action-view";
import { formatInZone } from "@/lib/incidents/format";
import { acknowledgeFromLinkAction, openFromLinkAction } from "./actions";

export const dynamic = "force-dynamic";
// The token is in the path: never leak it to a page the incident links to.
export const metadata: Metadata = { title: "Page", referrer: "no-referrer", robots: { index: false, follow: false } };

const PRIORITY_STYLE: Record<string, { label: string; band: string; chip: string }> = {
  high: { label: "High priority", band: "from-red-600 to-rose-600", chip: "bg-white/15 text-white ring-white/25" },
  medium: { label: "Medium priority", band: "from-amber-500 to-orange-500", chip: "bg-white/20 text-white ring-white/30" },
  low: { label: "Low priority", band: "from-slate-600 to-slate-700", chip: "bg-white/15 text-white ring-white/25" },
};

function ago(from: Date, now: Date): string {
  const min = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (min < 1) return "just now";
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  return h < 48 ? `${h} h ${min % 60} min ago` : `${Math.floor(h / 24)} days ago`;
}

/**
 * Where a page email's buttons land. Opening it (a GET, maybe by a mail scanner) changes
 * nothing: it shows whom the page is for and what fired; only its buttons (POST) act.
 */
export default async function EmailLinkPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ intent?: string }> }) {
  const { token } = await params;
  const { intent } = await searchParams;
  const view = await loadEmailActionView(await getDb(), token);
  if (!view) notFound();
  const now = new Date();
  const { incident } = view;
  const style = incident.confidential ? { label: "Confidential", band: "from-slate-800 to-slate-900", chip: "bg-white/10 text-white ring-white/20" } : (PRIORITY_STYLE[incident.priority] ?? PRIORITY_STYLE.low!);
  const firstName = view.personName.split(" ")[0];

  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <header className="mx-auto flex w-full max-w-md items-center justify-between px-5 pt-5">
        <BrandLogo />
        <span className="truncate pl-4 text-xs text-fg-subtle">
          For <span className="font-medium text-fg-muted">{view.personName}</span>
        </span>
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 pt-4 pb-10 sm:pt-10">
        <article className="overflow-hidden rounded-2xl border border-border bg-surface shadow-lg" aria-labelledby="page-title">
          <div className={cn("bg-gradient-to-br px-5 pt-5 pb-6 text-white", style.band)}>
            <div className="flex items-center justify-between gap-3">
              <span className={cn("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold tracking-wide uppercase ring-1 ring-inset", style.chip)}>
                {incident.confidential ? <Lock className="size-3.5" aria-hidden /> : <BellRing className="size-3.5" aria-hidden />}
                {style.label}
              </span>
              <span className="text-sm font-semibold text-white/90 tabular-nums">#{incident.number}</span>
            </div>
            <h1 id="page-title" className="mt-4 text-[1.375rem] leading-7 font-semibold tracking-tight break-words">
              {incident.confidential ? "A confidential incident needs you" : incident.title}
            </h1>
            <p className="mt-2 text-sm text-white/85">
              Triggered {ago(incident.triggeredAt, now)} · <time dateTime={incident.triggeredAt.toISOString()}>{formatInZone(incident.triggeredAt, view.timeZone)}</time>
            </p>
          </div>

          {incident.confidential ? (
            <p className="border-b border-border px-5 py-4 text-sm leading-6 text-fg-muted">Details are shown only inside Baton, to the people working it. Open the incident to see them.</p>
          ) : (
            <dl className="grid grid-cols-2 border-b border-border text-sm">
              <div className="border-r border-border px-5 py-3.5">
                <dt className="text-xs font-medium tracking-wide text-fg-subtle uppercase">Client</dt>
                <dd className="mt-0.5 font-medium break-words text-fg">{incident.client}</dd>
              </div>
              <div className="px-5 py-3.5">
                <dt className="text-xs font-medium tracking-wide text-fg-subtle uppercase">Service</dt>
                <dd className="mt-0.5 font-medium break-words text-fg">{incident.service}</dd>
              </div>
              {incident.source && (
                <div className="col-span-2 border-t border-border px-5 py-3.5">
                  <dt className="text-xs font-medium tracking-wide text-fg-subtle uppercase">Source</dt>
                  <dd className="mt-0.5 font-mono text-[0.8125rem] break-all text-fg">{incident.source}</dd>
                </div>
              )}
            </dl>
          )}

          <div className="px-5 py-5">
            {view.acknowledged ? <Answered view={view} token={token} /> : <Choices view={view} token={token} firstName={firstName ?? ""} acknowledgeFirst={intent === "acknowledge"} />}
          </div>
        </article>
        <p className="mt-5 flex items-start gap-2 px-1 text-xs leading-5 text-fg-subtle">
          <ShieldCheck className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          Nothing happens until you press a button. This link is for {view.personName} alone and stops working when the incident is resolved.
        </p>
      </main>
    </div>
  );
}

const bigButton = "h-12 w-full rounded-lg text-base";

function Choices({ view, token, firstName, acknowledgeFirst }: { view: EmailActionView; token: string; firstName: string; acknowledgeFirst: boolean }) {
  const ack = (
    <form action={acknowledgeFromLinkAction} key="ack">
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant={acknowledgeFirst ? "primary" : "outline"} className={bigButton} pendingLabel="Acknowledging…">
        <CheckCircle2 className="size-5" aria-hidden /> Acknowledge
      </SubmitButton>
    </form>
  );
  const open = (
    <form action={openFromLinkAction} key="open">
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant={acknowledgeFirst ? "outline" : "primary"} className={bigButton} pendingLabel="Opening…">
        <ExternalLink className="size-5" aria-hidden /> Open incident
      </SubmitButton>
    </form>
  );
  return (
    <>
      <p className="mb-4 text-[0.9375rem] leading-6 text-fg-muted">
        {firstName ? `${firstName}, you` : "You"} are being paged{view.incident.escalationPhase === "active" ? " until someone acknowledges" : ""}. Acknowledging stops the escalation and tells the team you have it.
      </p>
      <div className="grid gap-3">{acknowledgeFirst ? [ack, open] : [open, ack]}</div>
    </>
  );
}

function Answered({ view, token }: { view: EmailActionView; token: string }) {
  const a = view.acknowledged!;
  const when = formatInZone(a.at, view.timeZone);
  return (
    <>
      <div role="status" className={cn("flex gap-3 rounded-xl p-4", a.byMe ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900")}>
        {a.byMe ? <CheckCircle2 className="mt-0.5 size-6 shrink-0 text-emerald-600" aria-hidden /> : <UserCheck className="mt-0.5 size-6 shrink-0 text-amber-600" aria-hidden />}
        <div>
          <p className="text-base leading-6 font-semibold">{a.byMe ? `You acknowledged #${view.incident.number} — escalation stopped` : `Already acknowledged by ${a.byName}`}</p>
          <p className="mt-1 text-sm leading-5 opacity-85">{a.byMe ? `At ${when}. Nobody else will be paged for it.` : `At ${when}. Nobody else is being paged; you can still follow it in Baton.`}</p>
        </div>
      </div>
      <form action={openFromLinkAction} className="mt-4">
        <input type="hidden" name="token" value={token} />
        <SubmitButton variant={a.byMe ? "primary" : "outline"} className={bigButton} pendingLabel="Opening…">
          <ExternalLink className="size-5" aria-hidden /> Open incident
        </SubmitButton>
      </form>
    </>
  );
}
