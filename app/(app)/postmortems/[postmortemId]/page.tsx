import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, CalendarClock, Download, Star } from "lucide-react";
import { PageError } from "@/components/page-error";
import { PostmortemReport } from "@/components/postmortems/postmortem-report";
import {
  approvedWording,
  reviewAskWording,
  showCommentThread,
} from "@/components/postmortems/review-wording";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import {
  ACTION_ITEM_TYPE_LABELS,
  ALERT_REAL_LABELS,
  REACHED_LABELS,
  SECTIONS,
  formatDuration,
  type PostmortemContent,
  type PostmortemStatus,
  type SectionKey,
} from "@/lib/core/postmortems";
import { orInterrupt } from "@/lib/http/page-guard";
import { getPostmortem } from "@/lib/postmortems/get-postmortem";
import { listPostmortemPeople } from "@/lib/postmortems/list-people";
import { meetingCard } from "@/lib/postmortems/rules";
import type { PostmortemOutput } from "@/lib/postmortems/schemas";
import {
  addActionItemAction,
  commentAction,
  deleteActionItemAction,
  meetingAction,
  reviewersAction,
  savePostmortemAction,
  toggleStarAction,
  transitionAction,
  updateActionItemAction,
} from "./actions";
import { PrintButton } from "./print-button";
import { instantToZonedLocal } from "./zoned-time";
import { formatDateTime } from "@/lib/format/date-time";

export const metadata: Metadata = { title: "Post-mortem" };

const STATUS = {
  draft: { label: "Draft", variant: "neutral" },
  in_review: { label: "In review", variant: "info" },
  published: { label: "Published", variant: "success" },
} as const;
const TRANSITION_LABELS = {
  submit: "Submit for review",
  approve: "Approve",
  withdraw: "Back to draft",
  publish: "Publish",
  revise: "Start a new revision",
} as const;
const when = (iso: string, zone: string) => formatDateTime(iso, zone);
/** The id of the form that saves the sections and the alerting review. */
const SAVE_FORM = "postmortem-save";

function Hidden({ id }: { id: string }) {
  return <input type="hidden" name="postmortemId" value={id} />;
}

type Comment = PostmortemOutput["comments"][number];

export default async function PostmortemPage({
  params,
  searchParams,
}: {
  params: Promise<{ postmortemId: string }>;
  searchParams: Promise<{
    error?: string;
    saved?: string;
    scheduled?: string;
    approved?: string;
  }>;
}) {
  const { postmortemId } = await params;
  const { error, saved, scheduled, approved } = await searchParams;
  const ctx = await requireSessionCtx();
  const pm = await orInterrupt(() => getPostmortem(ctx, postmortemId));
  const content = pm.content as unknown as PostmortemContent;
  const title = `#${pm.incident.number} ${pm.incident.title}`;
  const zone = ctx.viewer.timeZone;
  const writer = can(ctx.viewer, "incidents:respond");
  const editable = writer && pm.status !== "published";
  const people = writer
    ? await listPostmortemPeople(ctx, pm.id)
    : { reviewers: [], staff: [] };
  const reviewerIds = new Set(pm.reviewers.map((r) => r.id));
  const status = STATUS[pm.status];
  // Scheduling is open in any status (published too) until 14 days after resolution.
  const meeting = meetingCard(
    { resolvedAt: pm.incident.resolvedAt, status: pm.status },
    ctx.now,
    (iso) => when(iso, zone),
  );

  const actions = (
    <div className="flex flex-wrap gap-2" data-print="hide">
      <PrintButton />
      <Button asChild variant="outline" size="sm">
        <a href={`/postmortems/${pm.id}/export.md`} download>
          <Download aria-hidden /> Markdown
        </a>
      </Button>
      {pm.allowedTransitions.map((t) => (
        <form key={t} action={transitionAction}>
          <Hidden id={pm.id} />
          <input type="hidden" name="transition" value={t} />
          <SubmitButton
            size="sm"
            variant={t === "publish" || t === "submit" ? "primary" : "outline"}
          >
            {TRANSITION_LABELS[t]}
          </SubmitButton>
        </form>
      ))}
    </div>
  );

  const header = (
    <PageHeader
      title={title}
      badge={
        <Badge variant={status.variant}>
          {status.label}
          {pm.revision ? ` · rev ${pm.revision}` : ""}
        </Badge>
      }
      description={`${content.facts.client.name} · ${content.facts.service.name}. Blameless: describe systems and decisions, not people at fault.`}
      breadcrumb={[
        { label: "Post-mortems", href: "/postmortems" },
        { label: `#${pm.incident.number}` },
      ]}
      actions={actions}
    />
  );

  // A reviewer who has not approved yet is told what is asked of them (stakeholders have no
  // comment box); one who just approved is told it worked.
  const ask = reviewAskWording(writer, "one");
  const reviewAsk = pm.awaitingMyReview && (
    <Alert variant="warning" className="mb-6" title="Waiting for your review">
      You were asked to review this post-mortem before it is published.{" "}
      {ask.charAt(0).toUpperCase()}
      {ask.slice(1)} with <strong>Approve</strong> above.
    </Alert>
  );
  const approvedNow =
    approved &&
    pm.reviewers.some((r) => r.id === ctx.viewer.userId && r.approvedAt) && (
      <Alert variant="success" className="mb-6">
        {approvedWording(pm, writer)}
      </Alert>
    );

  // Stakeholders (and anyone on a published version) read the document itself.
  if (!writer) {
    return (
      <>
        <div data-print="hide">
          {header}
          <PageError error={error} />
          {reviewAsk}
          {approvedNow}
        </div>
        <PostmortemReport content={content} title={title} timeZone={zone} printOnlyHeader />
      </>
    );
  }

  return (
    <>
      <div data-print="hide">
        {header}
        <PageError error={error} />
        {reviewAsk}
        {approvedNow}
        {saved && (
          <Alert variant="success" className="mb-6">
            Saved.
          </Alert>
        )}
        {scheduled && (
          <Alert variant="success" className="mb-6">
            Meeting scheduled; invitations sent.
          </Alert>
        )}
        {pm.status === "published" && (
          <Alert
            variant="info"
            className="mb-6"
            title={`Published revision ${pm.revision}`}
          >
            Published versions are immutable and readable by the client&apos;s
            stakeholders. Start a new revision to change it.
          </Alert>
        )}
        {pm.meetingOverdue && (
          <Alert
            variant="warning"
            icon={CalendarClock}
            className="mb-6"
            title="After-action meeting overdue"
          >
            {pm.meetingOverdue === "unscheduled"
              ? "It was not scheduled within 14 days of resolution."
              : "Its date has passed and the post-mortem is not published yet."}
          </Alert>
        )}
      </div>

      <div
        className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]"
        data-print="hide"
      >
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Facts</CardTitle>
              <CardDescription>
                Filled in when the incident resolved.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-xs text-slate-500">
                    Time to acknowledge
                  </dt>
                  <dd className="text-lg font-semibold tabular-nums">
                    {formatDuration(content.facts.timeToAcknowledgeSeconds)}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">Time to resolve</dt>
                  <dd className="text-lg font-semibold tabular-nums">
                    {formatDuration(content.facts.timeToResolveSeconds)}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">Responders</dt>
                  <dd>
                    {content.facts.responders.map((r) => r.name).join(", ") ||
                      "—"}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">Incident</dt>
                  <dd>
                    <Link
                      className="text-brand-700 underline"
                      href={`/incidents/${pm.incident.id}`}
                    >
                      #{pm.incident.number}
                    </Link>
                  </dd>
                </div>
              </dl>
              {content.facts.notifications.length > 0 && (
                <details className="mt-4 text-sm">
                  <summary className="cursor-pointer font-medium text-slate-700">
                    Who was notified ({content.facts.notifications.length})
                  </summary>
                  <ul className="mt-2 space-y-1">
                    {content.facts.notifications.map((n, i) => (
                      <li key={i} className="text-slate-700">
                        <span className="tabular-nums text-slate-500">
                          {when(n.at, zone)}
                        </span>{" "}
                        · {n.person} · {n.channel.replace("_", "-")} · level{" "}
                        {n.level < 0 ? "failover" : n.level + 1} · {n.state}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </CardContent>
          </Card>

          {/* The fields belong to the save form through their form attribute: each section's
              comment form sits between them, and a <form> inside a <form> is invalid HTML (the
              browser drops the inner one, so the page failed to hydrate). */}
          <div className="space-y-6">
            {SECTIONS.map((s, i) => {
              const first = i === 0 || SECTIONS[i - 1]!.group !== s.group;
              const hints =
                s.key === "contributing_factors" ? pm.blameHints : [];
              return (
                <div key={s.key} id={s.key} className="scroll-mt-20">
                  {first && s.group !== s.label && (
                    <h2 className="mb-3 text-lg font-semibold text-slate-900">
                      {s.group}
                    </h2>
                  )}
                  <label
                    htmlFor={`f-${s.key}`}
                    className="mb-1 block text-sm font-medium text-slate-800"
                  >
                    {s.label}
                  </label>
                  {s.key === "contributing_factors" && (
                    <p className="mb-1 text-xs text-slate-500">
                      What in the system, process or tooling allowed this? Not
                      who.
                    </p>
                  )}
                  <Textarea
                    id={`f-${s.key}`}
                    form={SAVE_FORM}
                    name={s.key}
                    defaultValue={content.sections[s.key as SectionKey] ?? ""}
                    rows={
                      s.key === "summary" || s.key === "contributing_factors"
                        ? 4
                        : 2
                    }
                    disabled={!editable}
                    maxLength={20000}
                    aria-describedby={hints.length ? "blame-hints" : undefined}
                  />
                  {hints.length > 0 && (
                    <div
                      id="blame-hints"
                      role="note"
                      className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
                    >
                      <p className="flex items-center gap-1.5 font-medium">
                        <AlertTriangle className="size-4" aria-hidden />{" "}
                        Blameless check
                      </p>
                      <ul className="mt-1 list-disc space-y-1 pl-5">
                        {hints.map((h) => (
                          <li key={h.start}>
                            &ldquo;{h.sentence}&rdquo; names{" "}
                            {h.names.join(", ")}. {h.suggestion}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  <CommentThread
                    comments={pm.comments}
                    editable={editable}
                    status={pm.status}
                    postmortemId={pm.id}
                    zone={zone}
                    section={s.key}
                  />
                </div>
              );
            })}

            <fieldset
              id="alerting_review"
              className="space-y-4 rounded-lg border border-slate-200 p-4"
              disabled={!editable}
            >
              <legend className="px-1 text-lg font-semibold text-slate-900">
                Alerting review
              </legend>
              <Radios
                name="alertReal"
                legend="Was the alert real?"
                options={ALERT_REAL_LABELS}
                value={content.alerting.alertReal}
              />
              <Radios
                name="reachedRightPerson"
                legend="Did it reach the right person?"
                options={REACHED_LABELS}
                value={content.alerting.reachedRightPerson}
              />
              <Radios
                name="enoughInformation"
                legend="Was there enough information to act?"
                options={{ yes: "Yes", no: "No" }}
                value={
                  content.alerting.enoughInformation === null
                    ? null
                    : content.alerting.enoughInformation
                      ? "yes"
                      : "no"
                }
              />
              <div>
                <label
                  htmlFor="f-info"
                  className="mb-1 block text-sm font-medium text-slate-800"
                >
                  If not, what should the alert include?
                </label>
                <Input
                  id="f-info"
                  form={SAVE_FORM}
                  name="informationToAdd"
                  defaultValue={content.alerting.informationToAdd ?? ""}
                  maxLength={4000}
                />
              </div>
              <CommentThread
                comments={pm.comments}
                editable={editable}
                status={pm.status}
                postmortemId={pm.id}
                zone={zone}
                section="alerting_review"
              />
            </fieldset>
            {editable && (
              <form
                id={SAVE_FORM}
                action={savePostmortemAction}
                className="sticky bottom-0 -mx-1 flex justify-end border-t border-slate-200 bg-white/95 px-1 py-3 backdrop-blur"
              >
                <Hidden id={pm.id} />
                <SubmitButton pendingLabel="Saving…">
                  Save post-mortem
                </SubmitButton>
              </form>
            )}
          </div>

          <Card id="action-items">
            <CardHeader>
              <CardTitle>Action items</CardTitle>
              <CardDescription>
                Owner, due date, status and type. Status can move on after
                publication.
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-3">
              {pm.actionItems.length === 0 && (
                <p className="text-sm text-slate-500">No action items yet.</p>
              )}
              <ul className="divide-y divide-slate-100">
                {pm.actionItems.map((a) => (
                  <li
                    key={a.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                  >
                    <div className="min-w-0">
                      <p className="font-medium text-slate-900">
                        {a.title}{" "}
                        {a.overdue && <Badge variant="danger">Overdue</Badge>}
                      </p>
                      <p className="text-xs text-slate-500">
                        {ACTION_ITEM_TYPE_LABELS[a.type]} ·{" "}
                        {a.owner?.name ?? "No owner"} · due {a.dueDate ?? "—"}
                      </p>
                    </div>
                    <div className="flex items-center gap-2">
                      <form
                        action={updateActionItemAction}
                        className="flex items-center gap-1"
                      >
                        <Hidden id={pm.id} />
                        <input type="hidden" name="itemId" value={a.id} />
                        <Select
                          name="status"
                          defaultValue={a.status}
                          aria-label={`Status of ${a.title}`}
                          className="h-8 text-xs"
                        >
                          <option value="open">Open</option>
                          <option value="in_progress">In progress</option>
                          <option value="done">Done</option>
                        </Select>
                        <SubmitButton size="sm" variant="outline">
                          Set
                        </SubmitButton>
                      </form>
                      <form action={deleteActionItemAction}>
                        <Hidden id={pm.id} />
                        <input type="hidden" name="itemId" value={a.id} />
                        <SubmitButton
                          size="sm"
                          variant="ghost"
                          aria-label={`Remove ${a.title}`}
                        >
                          Remove
                        </SubmitButton>
                      </form>
                    </div>
                  </li>
                ))}
              </ul>
              <form
                action={addActionItemAction}
                className="grid gap-2 sm:grid-cols-2"
              >
                <Hidden id={pm.id} />
                <Input
                  name="title"
                  aria-label="New action item"
                  placeholder="New action item"
                  required
                  maxLength={300}
                  className="sm:col-span-2"
                />
                <Select name="type" aria-label="Type" defaultValue="fix">
                  {Object.entries(ACTION_ITEM_TYPE_LABELS).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </Select>
                <Select name="ownerId" aria-label="Owner" defaultValue="">
                  <option value="">No owner yet</option>
                  {people.staff.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
                <Input name="dueDate" type="date" aria-label="Due date" />
                <SubmitButton variant="outline">Add action item</SubmitButton>
              </form>
              <CommentThread
                comments={pm.comments}
                editable={editable}
                status={pm.status}
                postmortemId={pm.id}
                zone={zone}
                section="action_items"
              />
            </CardContent>
          </Card>

          <Card id="timeline">
            <CardHeader>
              <CardTitle>Timeline</CardTitle>
              <CardDescription>
                Star the rows that matter: the report shows those as key
                moments.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ol className="divide-y divide-slate-100 text-sm">
                {content.facts.timeline.map((t) => {
                  const on = content.starredTimelineIds.includes(t.id);
                  return (
                    <li key={t.id} className="flex items-start gap-2 py-1.5">
                      <form action={toggleStarAction}>
                        <Hidden id={pm.id} />
                        <input type="hidden" name="rowId" value={t.id} />
                        <button
                          type="submit"
                          disabled={!editable}
                          aria-pressed={on}
                          aria-label={
                            on ? `Unstar: ${t.message}` : `Star: ${t.message}`
                          }
                          className="rounded p-0.5 text-slate-400 hover:text-amber-500 disabled:cursor-default"
                        >
                          <Star
                            className={
                              on
                                ? "size-4 fill-amber-400 text-amber-500"
                                : "size-4"
                            }
                            aria-hidden
                          />
                        </button>
                      </form>
                      <span className="w-32 shrink-0 text-slate-500 tabular-nums">
                        {when(t.at, zone)}
                      </span>
                      <span className="min-w-0 break-words">
                        {t.message}{" "}
                        <span className="text-slate-500">· {t.actor}</span>{" "}
                        {t.internal && (
                          <Badge variant="neutral">internal</Badge>
                        )}
                      </span>
                    </li>
                  );
                })}
              </ol>
            </CardContent>
          </Card>
        </div>

        <aside className="space-y-6" aria-label="Review and meeting">
          <Card id="review">
            <CardHeader>
              <CardTitle>Reviewers</CardTitle>
              <CardDescription>
                Participants and chosen stakeholders approve before publishing.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="mb-3 space-y-1 text-sm">
                {pm.reviewers.map((r) => (
                  <li
                    key={r.id}
                    className="flex items-center justify-between gap-2"
                  >
                    {r.name}{" "}
                    {r.approvedAt ? (
                      <Badge variant="success">Approved</Badge>
                    ) : (
                      <Badge variant="neutral">Pending</Badge>
                    )}
                  </li>
                ))}
                {pm.reviewers.length === 0 && (
                  <li className="text-slate-500">No reviewers yet.</li>
                )}
              </ul>
              {editable && (
                <form action={reviewersAction} className="space-y-2">
                  <Hidden id={pm.id} />
                  <fieldset className="max-h-48 space-y-1 overflow-y-auto text-sm">
                    <legend className="sr-only">Choose reviewers</legend>
                    {people.reviewers.map((p) => (
                      <label key={p.id} className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          name="userIds"
                          value={p.id}
                          defaultChecked={reviewerIds.has(p.id)}
                          className="size-4 accent-brand-600"
                        />{" "}
                        {p.name}{" "}
                        {p.stakeholder && (
                          <span className="text-xs text-slate-500">
                            (stakeholder)
                          </span>
                        )}
                      </label>
                    ))}
                  </fieldset>
                  <SubmitButton size="sm" variant="outline">
                    Save reviewers
                  </SubmitButton>
                </form>
              )}
            </CardContent>
          </Card>

          <Card id="meeting">
            <CardHeader>
              <CardTitle>After-action meeting</CardTitle>
              <CardDescription>{meeting.description}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              {pm.meetingAt ? (
                <p>
                  <strong>{when(pm.meetingAt, zone)}</strong> with{" "}
                  {pm.meetingAttendees.map((a) => a.name).join(", ")}.{" "}
                  <a
                    className="text-brand-700 underline"
                    href={`/postmortems/${pm.id}/meeting.ics`}
                  >
                    Add to calendar (.ics)
                  </a>
                </p>
              ) : (
                <p className="text-slate-500">{meeting.unscheduled}</p>
              )}
              {meeting.canSchedule && (
                <form action={meetingAction} className="space-y-2">
                  <Hidden id={pm.id} />
                  <label
                    htmlFor="f-meeting"
                    className="block font-medium text-slate-800"
                  >
                    Date and time ({zone})
                  </label>
                  <Input
                    id="f-meeting"
                    name="at"
                    type="datetime-local"
                    required
                    defaultValue={
                      pm.meetingAt
                        ? instantToZonedLocal(pm.meetingAt, zone)
                        : ""
                    }
                  />
                  <fieldset className="max-h-40 space-y-1 overflow-y-auto">
                    <legend className="mb-1 font-medium text-slate-800">
                      Attendees
                    </legend>
                    {[
                      ...people.staff,
                      ...people.reviewers.filter((r) => r.stakeholder),
                    ].map((p) => (
                      <label key={p.id} className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          name="attendeeIds"
                          value={p.id}
                          defaultChecked={pm.meetingAttendees.some(
                            (a) => a.id === p.id,
                          )}
                          className="size-4 accent-brand-600"
                        />{" "}
                        {p.name}
                      </label>
                    ))}
                  </fieldset>
                  <SubmitButton size="sm">
                    {pm.meetingAt
                      ? "Reschedule and invite"
                      : "Schedule and invite"}
                  </SubmitButton>
                </form>
              )}
            </CardContent>
          </Card>
        </aside>
      </div>

      <div className="hidden" data-print="show">
        <PostmortemReport content={content} title={title} timeZone={zone} />
      </div>
    </>
  );
}

function CommentThread({
  section,
  comments,
  editable,
  status,
  postmortemId,
  zone,
}: {
  section: string;
  comments: Comment[];
  editable: boolean;
  status: PostmortemStatus;
  postmortemId: string;
  zone: string;
}) {
  const list = comments.filter((c) => c.section === section);
  if (
    !showCommentThread({ status, comments: list.length, canComment: editable })
  )
    return null;
  return (
    <details
      className="mt-2 rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2 text-sm"
      open={list.length > 0}
      data-print="hide"
    >
      <summary className="cursor-pointer text-xs font-medium text-slate-600">
        Review comments ({list.length})
      </summary>
      <ul className="mt-2 space-y-2">
        {list.map((c) => (
          <li key={c.id}>
            <span className="font-medium text-slate-800">
              {c.author?.name ?? "Someone"}
            </span>{" "}
            <span className="text-xs text-slate-500">{when(c.at, zone)}</span>
            <p className="whitespace-pre-wrap text-slate-700">{c.body}</p>
          </li>
        ))}
      </ul>
      {editable && (
        <form
          action={commentAction}
          className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-start"
        >
          <Hidden id={postmortemId} />
          <input type="hidden" name="section" value={section} />
          {/* Grows only in a row: in the phone's column, flex-1 squeezed it to 21 px. */}
          <Textarea
            name="body"
            aria-label="Comment"
            placeholder="Add a comment"
            rows={2}
            className="min-h-16 sm:flex-1"
            required
            maxLength={4000}
          />
          <SubmitButton size="sm" variant="outline">
            Comment
          </SubmitButton>
        </form>
      )}
    </details>
  );
}

function Radios({
  name,
  legend,
  options,
  value,
}: {
  name: string;
  legend: string;
  options: Record<string, string>;
  value: string | null;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-800">
        {legend}
      </legend>
      <div className="flex flex-col gap-1.5 sm:flex-row sm:flex-wrap sm:gap-4">
        {Object.entries(options).map(([k, label]) => (
          <label
            key={k}
            className="flex items-center gap-2 text-sm text-slate-700"
          >
            <input
              type="radio"
              form={SAVE_FORM}
              name={name}
              value={k}
              defaultChecked={value === k}
              className="size-4 accent-brand-600"
            />{" "}
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
