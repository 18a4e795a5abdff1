import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeftRight, Check, Inbox, Undo2, X } from "lucide-react";
import { PageError } from "@/components/page-error";
import { formatInstant, formatRange, formatRelative } from "@/components/schedules/format";
import { buttonsFor, flaggedAdvice, isOpen, isVisibleTo, waitsFor, type RequestButton, type RequestViewer } from "@/components/schedules/request-rules";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Textarea } from "@/components/ui/textarea";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import { orInterrupt } from "@/lib/http/page-guard";
import { listSchedules } from "@/lib/schedules/read-schedules";
import { listSwapRequests } from "@/lib/swaps/read-swap-requests";
import type { SwapRequestOutput } from "@/lib/swaps/schemas";
import { listUsers } from "@/lib/users/read-users";
import { acceptSwapRequestAction, approveSwapRequestAction, cancelSwapRequestAction, declineSwapRequestAction, rejectSwapRequestAction, revertSwapRequestAction } from "./actions";

export const metadata: Metadata = { title: "Swap and cover requests" };

const STATUS: Record<SwapRequestOutput["status"], { label: string; variant: BadgeVariant }> = {
  pending: { label: "Waiting for an answer", variant: "info" },
  accepted: { label: "Accepted", variant: "warning" },
  approved: { label: "Approved", variant: "success" },
  declined: { label: "Declined", variant: "neutral" },
  rejected: { label: "Rejected", variant: "danger" },
  cancelled: { label: "Cancelled", variant: "neutral" },
  reverted: { label: "Reverted", variant: "neutral" },
};

const ACTIONS: Record<RequestButton, { label: string; action: (form: FormData) => Promise<void>; variant: "primary" | "outline"; icon: typeof Check }> = {
  accept: { label: "Accept", action: acceptSwapRequestAction, variant: "primary", icon: Check },
  approve: { label: "Approve", action: approveSwapRequestAction, variant: "primary", icon: Check },
  decline: { label: "Decline", action: declineSwapRequestAction, variant: "outline", icon: X },
  reject: { label: "Reject", action: rejectSwapRequestAction, variant: "outline", icon: X },
  cancel: { label: "Cancel request", action: cancelSwapRequestAction, variant: "outline", icon: X },
  revert: { label: "Revert", action: revertSwapRequestAction, variant: "outline", icon: Undo2 },
};

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const ctx = await requireSessionCtx();
  const [requests, schedules] = await orInterrupt(() => Promise.all([listSwapRequests(ctx), listSchedules(ctx)]));
  const users = await listUsers(ctx, { limit: 200 });
  const name = (id: string | null) => (id ? (users.data.find((u) => u.id === id)?.name ?? "a colleague") : null);
  const scheduleById = new Map(schedules.map((s) => [s.id, s]));
  const viewer: RequestViewer = { userId: ctx.viewer.userId, teamIds: ctx.viewer.teamIds, canApprove: can(ctx.viewer, "swaps:approve") };
  const teamOf = (r: SwapRequestOutput) => scheduleById.get(r.scheduleId)?.teamId ?? null;
  const visible = requests.filter((r) => isVisibleTo(r, viewer, teamOf(r)));
  const waiting = visible.filter((r) => waitsFor(r, viewer, teamOf(r)));
  const open = visible.filter((r) => isOpen(r) && !waitsFor(r, viewer, teamOf(r)));
  const history = visible.filter((r) => !isOpen(r)).slice(0, 50);
  const zone = ctx.viewer.timeZone;

  const describe = (r: SwapRequestOutput) => {
    const who = r.requesterId === ctx.viewer.userId ? "You" : r.requesterName;
    const verb = r.requesterId === ctx.viewer.userId ? "ask" : "asks";
    const them = r.counterpartId === ctx.viewer.userId ? "you" : r.counterpartName;
    if (!r.counterpartId) return r.acceptedBy ? `${who} offered a shift to the team; ${r.acceptedBy === ctx.viewer.userId ? "you" : name(r.acceptedBy)} took it` : `${who} ${r.requesterId === ctx.viewer.userId ? "offer" : "offers"} a shift to the team`;
    return r.kind === "swap" ? `${who} ${verb} ${them} to swap shifts` : `${who} ${verb} ${them} to cover a shift`;
  };

  const renderRequest = (r: SwapRequestOutput) => {
    const schedule = scheduleById.get(r.scheduleId);
    const scheduleZone = schedule?.timeZone ?? zone;
    const whole = r.part.start === r.shift.start && r.part.end === r.shift.end;
    const buttons = buttonsFor(r, viewer, teamOf(r));
    const advice = flaggedAdvice(r, viewer);
    // Who hears of a withdrawal: the colleague asked, or who took the offer; an offer nobody took is withdrawn from the team.
    const told = r.counterpartName ?? name(r.acceptedBy);
    const status = STATUS[r.status];
    return (
      <li key={r.id}>
        <Card>
          <CardContent className="grid gap-3">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="flex min-w-0 items-start gap-3">
                <Avatar name={r.requesterName} decorative className="mt-0.5" />
                <div className="min-w-0">
                  <h3 className="text-sm font-semibold text-slate-900">{describe(r)}</h3>
                  <p className="text-xs text-slate-500">
                    {schedule ? (
                      <Link href={`/schedules/${schedule.id}`} className="font-medium text-brand-700 hover:underline">
                        {schedule.name}
                      </Link>
                    ) : (
                      "A deleted schedule"
                    )}{" "}
                    · asked{" "}
                    <time dateTime={r.createdAt} title={formatInstant(r.createdAt, zone, { withZone: true })}>
                      {formatRelative(r.createdAt, ctx.now)}
                    </time>
                  </p>
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-1.5">
                <Badge variant={r.kind === "swap" ? "admin" : "neutral"}>
                  <ArrowLeftRight aria-hidden /> {r.kind === "swap" ? "Swap" : "Cover"}
                </Badge>
                <Badge variant={status.variant} dot>
                  {r.status === "accepted" && r.needsApproval ? "Accepted · needs manager approval" : status.label}
                </Badge>
              </div>
            </div>
            <dl className="grid gap-2 rounded-lg bg-slate-50 px-3 py-2.5 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
              <dt className="text-xs font-medium text-slate-500 sm:pt-0.5">{whole ? "Shift" : "Part of shift"}</dt>
              <dd className="text-slate-800">
                {formatRange(r.part.start, r.part.end, scheduleZone, { withZone: true, now: ctx.now })}
                {scheduleZone !== zone && <span className="block text-xs text-slate-500">{formatRange(r.part.start, r.part.end, zone, { withZone: true, now: ctx.now })} your time</span>}
              </dd>
              {r.counterpartShift && (
                <>
                  <dt className="text-xs font-medium text-slate-500 sm:pt-0.5">In exchange</dt>
                  <dd className="text-slate-800">
                    {r.counterpartName}&apos;s shift {formatRange(r.counterpartShift.start, r.counterpartShift.end, scheduleZone, { withZone: true, now: ctx.now })}
                  </dd>
                </>
              )}
              {r.note && (
                <>
                  <dt className="text-xs font-medium text-slate-500 sm:pt-0.5">Note</dt>
                  <dd className="whitespace-pre-line wrap-anywhere text-slate-700">“{r.note}”</dd>
                </>
              )}
            </dl>
            {advice && (
              <Alert variant="warning" title="The rotation changed">
                The layer was edited (or a plan published) since this was asked, so the shift it names has moved or changed hands. {advice}
              </Alert>
            )}
            {r.needsApproval && r.status === "pending" && !r.flagged && <p className="text-xs text-slate-500">Once accepted, a manager must approve it before the schedule changes.</p>}
            {buttons.length > 0 && (
              <div className="flex flex-wrap gap-2">
                {buttons.map((b) => {
                  const { label, action, variant, icon: Icon } = ACTIONS[b];
                  if (b === "cancel") {
                    return (
                      <ConfirmDialog
                        key={b}
                        action={action}
                        hidden={{ requestId: r.id }}
                        title="Withdraw this request?"
                        description={told ? `${told} is told, with your note if you write one. The schedule stays as it is.` : "The offer is withdrawn from the team. The schedule stays as it is."}
                        confirmLabel="Withdraw request"
                        cancelLabel="Keep it"
                        triggerLabel={label}
                        triggerAriaLabel={`${label}: ${describe(r)}`}
                        triggerSize="sm"
                      >
                        {told && (
                          <Field label={`Note to ${told}`} optional>
                            <Textarea id={`cancel-note-${r.id}`} name="note" rows={2} maxLength={500} placeholder="Why, if you'd like to say" />
                          </Field>
                        )}
                      </ConfirmDialog>
                    );
                  }
                  if (b === "revert" || b === "reject") {
                    return (
                      <ConfirmDialog
                        key={b}
                        action={action}
                        hidden={{ requestId: r.id }}
                        title={b === "revert" ? "Revert this shift change?" : "Reject this request?"}
                        description={b === "revert" ? "The original holders return to the schedule and the cover ledger is reversed. Both people are told." : "The schedule stays as it is. Both people are told."}
                        confirmLabel={label}
                        triggerLabel={label}
                        triggerSize="sm"
                      />
                    );
                  }
                  return (
                    <form key={b} action={action}>
                      <input type="hidden" name="requestId" value={r.id} />
                      <Button type="submit" size="sm" variant={variant} aria-label={`${label}: ${describe(r)}`}>
                        <Icon aria-hidden /> {label}
                      </Button>
                    </form>
                  );
                })}
              </div>
            )}
          </CardContent>
        </Card>
      </li>
    );
  };

  const section = (title: string, list: SwapRequestOutput[], hint?: string) =>
    list.length > 0 && (
      <section className="space-y-3" aria-labelledby={`requests-${title.toLowerCase().replaceAll(" ", "-")}`}>
        <div>
          <h2 id={`requests-${title.toLowerCase().replaceAll(" ", "-")}`} className="text-sm font-semibold text-slate-900">
            {title} <span className="font-normal text-slate-500">({list.length})</span>
          </h2>
          {hint && <p className="text-xs text-slate-500">{hint}</p>}
        </div>
        <ul className="space-y-3" aria-label={title}>
          {list.map(renderRequest)}
        </ul>
      </section>
    );

  return (
    <>
      <PageHeader
        title="Swap and cover requests"
        description={viewer.canApprove ? "Every request on every schedule. Times are in each schedule's zone." : "Yours, those addressed to you and open offers to your teams. Times are in each schedule's zone."}
        breadcrumb={[{ label: "Schedules", href: "/schedules" }, { label: "Requests" }]}
      />
      <PageError error={error} />
      {visible.length === 0 ? (
        <EmptyState icon={Inbox} title="No requests yet" description="To ask a colleague to cover or swap, open a schedule and click one of your shifts." />
      ) : (
        <div className="space-y-8">
          {section("Waiting for you", waiting, viewer.canApprove ? "Requests you can accept, or approve as a manager." : "Accept to take the shift, or decline.")}
          {section("Open", open)}
          {section("History", history, "The last 50 closed requests.")}
          {waiting.length === 0 && open.length === 0 && <p className="text-sm text-slate-500">Nothing is waiting for an answer.</p>}
        </div>
      )}
    </>
  );
}
