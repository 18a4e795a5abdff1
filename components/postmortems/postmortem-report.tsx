import {
  ACTION_ITEM_TYPE_LABELS,
  ALERT_REAL_LABELS,
  REACHED_LABELS,
  SECTIONS,
  formatDuration,
  type PostmortemContent,
} from "@/lib/core/postmortems";
import { formatStamp } from "@/lib/incidents/format";

const ITEM_STATUS = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
} as const;

/** The post-mortem as a document: what stakeholders read and what prints (a clean PDF from the browser). */
export function PostmortemReport({
  content,
  title,
  timeZone,
  printOnlyHeader = false,
}: {
  content: PostmortemContent;
  title: string;
  /** The reader's zone: every time in the document is shown in it. */
  timeZone: string;
  /** When the page already shows the title (stakeholders' view), the report's own header is for paper only. */
  printOnlyHeader?: boolean;
}) {
  const f = content.facts;
  const at = (iso: string | null) => formatStamp(iso, timeZone);
  // A published report leaves out what nobody answered; drafts show the gaps.
  const shown = SECTIONS.filter(
    (s) => content.status !== "published" || content.sections[s.key]?.trim(),
  );
  const starred = new Set(content.starredTimelineIds);
  const timeline = starred.size
    ? f.timeline.filter((t) => starred.has(t.id))
    : f.timeline;
  return (
    <article className="postmortem-report space-y-6 text-[0.9375rem] leading-relaxed text-slate-800">
      <header
        className={
          printOnlyHeader
            ? "hidden border-b border-slate-200 pb-4"
            : "border-b border-slate-200 pb-4"
        }
        data-print={printOnlyHeader ? "show" : undefined}
      >
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
          Post-mortem · blameless
        </p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {f.client.name} · {f.service.name} · priority {f.incident.priority}
          {content.revision ? ` · revision ${content.revision}` : ""}
          {content.publishedAt
            ? ` · published ${at(content.publishedAt)}`
            : ` · ${content.status.replace("_", " ")}`}
        </p>
      </header>
      <dl
        className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4"
        data-print="avoid-break"
      >
        {[
          ["Triggered", at(f.incident.triggeredAt)],
          ["Resolved", at(f.incident.resolvedAt)],
          ["Time to acknowledge", formatDuration(f.timeToAcknowledgeSeconds)],
          ["Time to resolve", formatDuration(f.timeToResolveSeconds)],
        ].map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs text-slate-500">{k}</dt>
            <dd className="font-medium text-slate-900 tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      {f.responders.length > 0 && (
        <p className="text-sm">
          <span className="text-slate-500">Responders:</span>{" "}
          {f.responders.map((r) => r.name).join(", ")}
        </p>
      )}
      {shown.map((s, i) => {
        const heading =
          i === 0 || shown[i - 1]!.group !== s.group ? (
            <h2 className="mt-6 text-lg font-semibold text-slate-900">
              {s.group}
            </h2>
          ) : null;
        const text = content.sections[s.key]?.trim();
        return (
          <section key={s.key} data-print="avoid-break">
            {heading}
            {s.label !== s.group && (
              <h3 className="mt-3 text-sm font-semibold text-slate-700">
                {s.label}
              </h3>
            )}
            <p
              className={text ? "whitespace-pre-wrap" : "text-slate-400 italic"}
            >
              {text || "Not answered."}
            </p>
          </section>
        );
      })}
      <section data-print="avoid-break">
        <h2 className="text-lg font-semibold text-slate-900">
          Alerting review
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          <li>
            Was the alert real?{" "}
            <strong>
              {content.alerting.alertReal
                ? ALERT_REAL_LABELS[content.alerting.alertReal]
                : "—"}
            </strong>
          </li>
          <li>
            Did it reach the right person?{" "}
            <strong>
              {content.alerting.reachedRightPerson
                ? REACHED_LABELS[content.alerting.reachedRightPerson]
                : "—"}
            </strong>
          </li>
          <li>
            Was there enough information to act?{" "}
            <strong>
              {content.alerting.enoughInformation === null
                ? "—"
                : content.alerting.enoughInformation
                  ? "Yes"
                  : "No"}
            </strong>
          </li>
          {content.alerting.enoughInformation === false &&
            content.alerting.informationToAdd && (
              <li>
                To add to the alert:{" "}
                <strong>{content.alerting.informationToAdd}</strong>
              </li>
            )}
        </ul>
      </section>
      <section>
        <h2 className="text-lg font-semibold text-slate-900">Action items</h2>
        {content.actionItems.length ? (
          <table className="mt-2 w-full text-left text-sm">
            <thead className="border-b border-slate-300 text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-2">Item</th>
                <th className="pr-2">Type</th>
                <th className="pr-2">Owner</th>
                <th className="pr-2">Due</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {content.actionItems.map((a, i) => (
                <tr key={i} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-2">{a.title}</td>
                  <td className="py-1 pr-2">{ACTION_ITEM_TYPE_LABELS[a.type]}</td>
                  <td className="py-1 pr-2">{a.owner ?? "—"}</td>
                  <td className="py-1 pr-2 tabular-nums">{a.dueDate ?? "—"}</td>
                  <td className="py-1">{ITEM_STATUS[a.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-slate-400 italic">None.</p>
        )}
      </section>
      {content.meeting.at && (
        <section data-print="avoid-break">
          <h2 className="text-lg font-semibold text-slate-900">
            After-action meeting
          </h2>
          <p className="text-sm">
            {at(content.meeting.at)}
            {content.meeting.attendees.length
              ? ` with ${content.meeting.attendees.join(", ")}`
              : ""}
          </p>
        </section>
      )}
      <section>
        <h2 className="text-lg font-semibold text-slate-900">
          {starred.size ? "Timeline (key moments)" : "Timeline"}
        </h2>
        <p className="text-xs text-slate-500">Times in {timeZone}.</p>
        <ol className="mt-2 space-y-1 text-sm">
          {timeline.map((t) => (
            <li key={t.id} className="grid grid-cols-[9.5rem_1fr] gap-2">
              <span className="text-slate-500 tabular-nums">
                {formatStamp(t.at, timeZone, { named: false })}
              </span>
              <span>
                {t.message} <span className="text-slate-500">· {t.actor}</span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
