import { createHash } from "node:crypto";
import { z } from "zod";
import { SEVERITIES, type Severity } from "@/lib/core/alerts";
import { MAX_DEDUP_KEY, MAX_SUMMARY, type IngestEvent } from "./event-schema";

const labels = z.record(z.string(), z.string()).default({});
// Alertmanager sends RFC 3339 (Go's time.Time), its zero time "0001-01-01T00:00:00Z" for an endsAt not known yet.
const rfc3339 = z.iso.datetime({ offset: true, message: "Must be an RFC 3339 date-time" });
const groupedAlert = z.object({
  status: z.enum(["firing", "resolved"]),
  labels,
  annotations: labels,
  startsAt: rfc3339.optional(),
  endsAt: rfc3339.optional(),
  generatorURL: z.string().max(2048).optional(),
  fingerprint: z.string().optional(),
  // Grafana adds these.
  silenceURL: z.string().max(2048).optional(),
  dashboardURL: z.string().max(2048).optional(),
  panelURL: z.string().max(2048).optional(),
  valueString: z.string().optional(),
});

/**
 * Alertmanager's webhook (version 4) and Grafana's, which extends it: a group of alerts under one
 * `groupKey`, firing or resolved as a whole.
 */
export const alertGroupSchema = z.object({
  version: z.string().optional(),
  groupKey: z.string().min(1, "Required"),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string().default(""),
  groupLabels: labels,
  commonLabels: labels,
  commonAnnotations: labels,
  externalURL: z.string().max(2048).default(""),
  // An empty group is no alert at all (it would open an incident titled "Alert" and page people).
  alerts: z.array(groupedAlert).min(1, "Needs at least one alert").max(10_000),
  // Grafana only.
  title: z.string().optional(),
  state: z.string().optional(),
  message: z.string().optional(),
  orgId: z.number().optional(),
});
export type AlertGroup = z.output<typeof alertGroupSchema>;

function severityOf(group: AlertGroup): Severity {
  const raw = (group.commonLabels.severity ?? group.alerts[0]?.labels.severity ?? "").toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(raw)) return raw as Severity;
  if (raw === "page" || raw === "high") return "critical";
  if (raw === "warn" || raw === "medium") return "warning";
  if (raw === "low" || raw === "none") return "info";
  // Alertmanager's own PagerDuty integration defaults to critical.
  return "critical";
}

/** "annotations.summary", else "alertname on instance"; "+ N others" when the group holds more. */
export function alertGroupTitle(group: AlertGroup): string {
  const firing = group.alerts.filter((a) => a.status === "firing");
  const first = firing[0] ?? group.alerts[0];
  const l = { ...group.commonLabels, ...(first?.labels ?? {}) };
  const a = { ...group.commonAnnotations, ...(first?.annotations ?? {}) };
  const base = a.summary?.trim() || [l.alertname, l.instance].filter(Boolean).join(" on ") || group.title?.trim() || "Alert";
  const total = (firing.length || group.alerts.length) + group.truncatedAlerts;
  const title = total > 1 ? `${base} + ${total - 1} other${total - 1 === 1 ? "" : "s"}` : base;
  return title.slice(0, MAX_SUMMARY);
}

/** The group key itself when it fits, else its SHA-256 (as Alertmanager's PagerDuty integration does). */
export function alertGroupDedupKey(groupKey: string): string {
  return groupKey.length <= MAX_DEDUP_KEY ? groupKey : createHash("sha256").update(groupKey).digest("hex");
}

export function alertGroupToIngestEvent(group: AlertGroup): IngestEvent {
  const firing = group.alerts.filter((a) => a.status === "firing");
  const first = firing[0] ?? group.alerts[0];
  const l = { ...group.commonLabels, ...(first?.labels ?? {}) };
  const links = [
    ...(first?.generatorURL ? [{ href: first.generatorURL, text: "Source" }] : []),
    ...(first?.dashboardURL ? [{ href: first.dashboardURL, text: "Dashboard" }] : []),
    ...(first?.panelURL ? [{ href: first.panelURL, text: "Panel" }] : []),
    ...(group.commonAnnotations.runbook_url ? [{ href: group.commonAnnotations.runbook_url, text: "Runbook" }] : []),
    ...(group.externalURL ? [{ href: group.externalURL, text: group.title ? "Grafana" : "Alertmanager" }] : []),
  ];
  return {
    action: group.status === "resolved" ? "resolve" : "trigger",
    dedupKey: alertGroupDedupKey(group.groupKey),
    summary: alertGroupTitle(group),
    severity: severityOf(group),
    source: (l.instance ?? group.receiver) || null,
    component: l.job ?? null,
    group: l.cluster ?? l.namespace ?? null,
    class: l.alertname ?? null,
    customDetails: {
      firing: firing.length,
      resolved: group.alerts.length - firing.length,
      truncated: group.truncatedAlerts,
      groupLabels: group.groupLabels,
      commonLabels: group.commonLabels,
      commonAnnotations: group.commonAnnotations,
      alerts: group.alerts.slice(0, 20).map((x) => ({ status: x.status, labels: x.labels, annotations: x.annotations, startsAt: x.startsAt, valueString: x.valueString })),
    },
    links: links.slice(0, 100),
    senderName: group.title !== undefined ? "Grafana" : "Alertmanager",
    senderUrl: group.externalURL || null,
  };
}
