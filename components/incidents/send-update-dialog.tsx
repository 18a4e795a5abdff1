"use client";

import { useState, useTransition } from "react";
import { Megaphone } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { AudienceMessage } from "@/lib/communications/schemas";

type Draft = { incidentId: string; audiences: string[]; impact: string; nextUpdateAt: string; message: string };
type Result = { ok: true; messages: AudienceMessage[]; sent?: boolean; failed?: string[] } | { ok: false; message: string; field?: string };

/** Pick audiences from the client's directory, fill in the update, preview each audience's email, send. */
export function SendUpdateDialog({
  incidentId,
  audiences,
  clientZone,
  viewerZone,
  preview,
  send,
}: {
  incidentId: string;
  /** Roles present in the client's directory, with how many contacts have an email. */
  audiences: { role: string; label: string; withEmail: number }[];
  clientZone: string;
  /** The sender's zone: the next-update time is typed in it. */
  viewerZone: string;
  preview: (d: Draft) => Promise<Result>;
  send: (d: Draft) => Promise<Result>;
}) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [impact, setImpact] = useState("");
  const [nextUpdateAt, setNextUpdateAt] = useState("");
  const [message, setMessage] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [pending, start] = useTransition();
  const draft = (): Draft => ({ incidentId, audiences: chosen, impact, nextUpdateAt, message });
  const run = (fn: (d: Draft) => Promise<Result>) => start(async () => setResult(await fn(draft())));
  const edited = () => setResult((r) => (r && r.ok && !r.sent ? null : r && !r.ok ? null : r));
  const sent = result?.ok && result.sent;
  const previewed = result?.ok && !result.sent ? result.messages : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o && sent) {
          setResult(null);
          setChosen([]);
          setImpact("");
          setMessage("");
          setNextUpdateAt("");
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Megaphone className="size-4" aria-hidden /> Send update
        </Button>
      </DialogTrigger>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Send a stakeholder update</DialogTitle>
          <DialogDescription>Rendered from each audience&apos;s template and emailed to its contacts; the timeline records it. Internal notes are never included.</DialogDescription>
        </DialogHeader>
        {sent ? (
          <Alert variant="success" title="Update sent">
            Emailed to {new Set(result.messages.flatMap((m) => m.recipients.map((r) => r.email))).size} recipient(s).
            {result.failed?.length ? ` Not delivered to: ${result.failed.join(", ")}.` : ""}
          </Alert>
        ) : (
          <div className="space-y-4">
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-slate-900">Audiences</legend>
              {audiences.length === 0 ? (
                <p className="text-sm text-slate-500">This client&apos;s stakeholder directory is empty: add contacts on the client&apos;s page first.</p>
              ) : (
                <div className="grid gap-2 sm:grid-cols-2">
                  {audiences.map((a) => (
                    <Checkbox
                      key={a.role}
                      name="audiences"
                      value={a.role}
                      label={a.label}
                      description={a.withEmail ? `${a.withEmail} with email` : "Nobody with email"}
                      checked={chosen.includes(a.role)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setChosen((c) => (on ? [...c, a.role] : c.filter((x) => x !== a.role)));
                        edited();
                      }}
                    />
                  ))}
                </div>
              )}
            </fieldset>
            <Field label="Impact" hint="{{impact}}: what the client notices.">
              <Input value={impact} onChange={(e) => (setImpact(e.target.value), edited())} maxLength={2000} placeholder="Appointments cannot be booked" />
            </Field>
            <Field label="Next update" hint={`In your time zone (${viewerZone}); {{nextUpdateAt}} shows it in the client's (${clientZone}).`}>
              <Input type="datetime-local" value={nextUpdateAt} onChange={(e) => (setNextUpdateAt(e.target.value), edited())} />
            </Field>
            <Field label="Message" hint="{{updateMessage}}: what changed since the last update.">
              <Textarea rows={3} value={message} onChange={(e) => (setMessage(e.target.value), edited())} maxLength={10000} />
            </Field>
            {result && !result.ok && (
              <Alert variant="danger" role="alert">
                {result.message}
              </Alert>
            )}
            {previewed && (
              <section aria-label="Preview" className="space-y-3">
                {previewed.map((m) => (
                  <article key={m.audience} className="rounded-lg border border-slate-200 bg-slate-50 p-3">
                    <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
                      {audiences.find((a) => a.role === m.audience)?.label ?? m.audience} · to {m.recipients.map((r) => r.name).join(", ")}
                    </p>
                    <p className="mt-1 font-medium break-words text-slate-900">{m.subject}</p>
                    <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-700">{m.body}</p>
                  </article>
                ))}
              </section>
            )}
          </div>
        )}
        <DialogFooter>
          {!sent && (
            <>
              <Button variant="outline" disabled={pending || chosen.length === 0} onClick={() => run(preview)}>
                Preview
              </Button>
              <Button disabled={pending || !previewed} onClick={() => run(send)}>
                {pending ? "Working…" : "Send"}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
