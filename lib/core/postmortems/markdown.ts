import { formatDuration } from "./facts";
import { ACTION_ITEM_TYPE_LABELS, ALERT_REAL_LABELS, REACHED_LABELS, SECTIONS, type PostmortemContent } from "./types";

const STATUS: Record<PostmortemContent["status"], string> = { draft: "Draft", in_review: "In review", published: "Published" };
const ITEM_STATUS = { open: "Open", in_progress: "In progress", done: "Done" } as const;
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const utc = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

/** The post-mortem as Markdown (pass stakeholder-filtered content for stakeholders). */
export function postmortemMarkdown(c: PostmortemContent): string {
  const f = c.facts;
  const out: string[] = [];
  out.push(`# Post-mortem: #${f.incident.number} ${f.incident.title}`, "");
  out.push(`*${STATUS[c.status]}${c.revision ? `, revision ${c.revision}` : ""}${c.publishedAt ? `, published ${utc(c.publishedAt)}` : ""}. Blameless: it describes systems and decisions, not people at fault.*`, "");
  out.push("## Facts", "");
  out.push(`- **Client:** ${f.client.name}`, `- **Service:** ${f.service.name}`, `- **Priority:** ${f.incident.priority}`);
  out.push(`- **Triggered:** ${utc(f.incident.triggeredAt)}`, `- **Acknowledged:** ${utc(f.incident.acknowledgedAt)}`, `- **Resolved:** ${utc(f.incident.resolvedAt)}`);
  out.push(`- **Time to acknowledge:** ${formatDuration(f.timeToAcknowledgeSeconds)}`, `- **Time to resolve:** ${formatDuration(f.timeToResolveSeconds)}`);
  if (f.responders.length) out.push(`- **Responders:** ${f.responders.map((r) => r.name).join(", ")}`);
  out.push("");
  let group = "";
  for (const s of SECTIONS) {
    if (s.group !== group) {
      group = s.group;
      out.push(`## ${group}`, "");
    }
    const text = c.sections[s.key]?.trim();
    out.push(`### ${s.label}`, "", text || "_Not answered._", "");
  }
  out.push("## Alerting review", "");
  out.push(`- **Was the alert real?** ${c.alerting.alertReal ? ALERT_REAL_LABELS[c.alerting.alertReal] : "—"}`);
  out.push(`- **Did it reach the right person?** ${c.alerting.reachedRightPerson ? REACHED_LABELS[c.alerting.reachedRightPerson] : "—"}`);
  out.push(`- **Was there enough information to act?** ${c.alerting.enoughInformation === null ? "—" : c.alerting.enoughInformation ? "Yes" : "No"}`);
  if (c.alerting.enoughInformation === false && c.alerting.informationToAdd) out.push(`- **What to add to the alert:** ${c.alerting.informationToAdd}`);
  out.push("");
  out.push("## Action items", "");
  if (c.actionItems.length) {
    out.push("| Item | Type | Owner | Due | Status |", "| --- | --- | --- | --- | --- |");
    for (const a of c.actionItems) out.push(`| ${cell(a.title)} | ${ACTION_ITEM_TYPE_LABELS[a.type]} | ${cell(a.owner ?? "—")} | ${a.dueDate ?? "—"} | ${ITEM_STATUS[a.status]} |`);
  } else out.push("_None._");
  out.push("");
  if (c.meeting.at) out.push("## After-action meeting", "", `${utc(c.meeting.at)}${c.meeting.attendees.length ? ` with ${c.meeting.attendees.join(", ")}` : ""}`, "");
  const starred = new Set(c.starredTimelineIds);
  const rows = starred.size ? f.timeline.filter((t) => starred.has(t.id)) : f.timeline;
  out.push(starred.size ? "## Timeline (key moments)" : "## Timeline", "");
  if (rows.length) {
    out.push("| Time (UTC) | What | Who |", "| --- | --- | --- |");
    for (const t of rows) out.push(`| ${utc(t.at).replace(" UTC", "")} | ${cell(t.message)} | ${cell(t.actor)} |`);
  } else out.push("_No entries._");
  if (f.notifications.length) {
    out.push("", "## Who was notified", "", "| Time (UTC) | Person | Channel | Level | State |", "| --- | --- | --- | --- | --- |");
    for (const n of f.notifications) out.push(`| ${utc(n.at).replace(" UTC", "")} | ${cell(n.person)} | ${n.channel} | ${n.level < 0 ? "failover" : n.level + 1} | ${n.state} |`);
  }
  return `${out.join("\n")}\n`;
}
