import { z } from "zod";
import { PRIORITIES } from "@/lib/core/alerts/priority-rules";
import { CHANNELS } from "@/lib/core/escalation";
import { INTERRUPTION_BANDS } from "@/lib/core/reports/types";
import type { ApiContract } from "@/lib/http/api-route";
import { checkReportSpan, reportFiltersShape } from "@/lib/reports/filters";
import { REPORT_CSV_TABLES, type ReportKind } from "@/lib/reports/types";
import { one } from "./shapes";

const tag = "Reports";

/** The filter bar plus the format: JSON by default, or one table as CSV. */
function reportQuery<K extends ReportKind>(kind: K) {
  return reportFiltersShape
    .extend({
      format: z.enum(["json", "csv"], "json or csv").default("json"),
      table: z.enum(REPORT_CSV_TABLES[kind] as unknown as [string, ...string[]], `One of ${REPORT_CSV_TABLES[kind].join(", ")}`).optional(),
    })
    .superRefine((q, ctx) => {
      checkReportSpan(q, ctx);
      if (q.format === "csv" && !q.table) ctx.addIssue({ code: "custom", path: ["table"], message: `Name the table to export: one of ${REPORT_CSV_TABLES[kind].join(", ")}` });
    });
}

const stats = z.object({ count: z.number().int(), mean: z.number().nullable(), median: z.number().nullable(), p90: z.number().nullable() });
const filters = z.object({ from: z.iso.datetime(), to: z.iso.datetime(), teamId: z.string().nullable(), clientId: z.string().nullable(), serviceId: z.string().nullable(), priority: z.enum(PRIORITIES).nullable() });
const group = z.object({ key: z.string(), label: z.string(), incidents: z.number().int(), mtta: stats, mttr: stats, escalated: z.number().int(), failedOver: z.number().int(), unanswered: z.number().int() });
const breach = z.object({
  incidentId: z.string().nullable(),
  number: z.number().int().nullable(),
  title: z.string().nullable(),
  clientId: z.string(),
  clientName: z.string(),
  priority: z.enum(PRIORITIES),
  kind: z.enum(["acknowledge", "resolve"]),
  targetMinutes: z.number().int(),
  tookMs: z.number(),
  triggeredAt: z.iso.datetime(),
});
export const responseReportOutput = z.object({
  filters,
  totals: group,
  byTeam: z.array(group),
  byClient: z.array(group),
  byService: z.array(group),
  byPriority: z.array(group),
  byWeek: z.array(group),
  sla: z.object({ breaches: z.array(breach), breachCount: z.number().int(), measured: z.number().int() }),
});
const bands = z.object({ ...Object.fromEntries(INTERRUPTION_BANDS.map((b) => [b, z.number().int()])), total: z.number().int() });
export const loadReportOutput = z.object({
  filters,
  people: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      timeZone: z.string(),
      onCallHours: z.number(),
      notifications: z.number().int(),
      interruptions: bands,
      acknowledged: z.number().int(),
      burden: z.number(),
      ledgerHours: z.number(),
      highlighted: z.boolean(),
      teamId: z.string(),
      teamName: z.string(),
    }),
  ),
  teams: z.array(z.object({ teamId: z.string(), teamName: z.string(), people: z.number().int(), mean: z.object({ burden: z.number(), interruptions: z.number() }) })),
  mean: z.object({ burden: z.number(), interruptions: z.number() }),
});
const quality = z.object({ key: z.string(), label: z.string(), reviewed: z.number().int(), notReal: z.number().int(), couldHaveWaited: z.number().int(), wrongPerson: z.number().int(), notEnoughInformation: z.number().int() });
const share = z.number().min(0).max(1).nullable();
export const alertQualityReportOutput = z.object({
  filters,
  totals: quality,
  shares: z.object({ notReal: share, couldHaveWaited: share, wrongPerson: share, notEnoughInformation: share }),
  noisiestServices: z.array(quality.extend({ incidents: z.number().int(), events: z.number().int() })),
  noisiestRules: z.array(quality.extend({ incidents: z.number().int() })),
});
const delivery = z.object({ channel: z.enum([...CHANNELS, "all"]), total: z.number().int(), pending: z.number().int(), sent: z.number().int(), delivered: z.number().int(), read: z.number().int(), failed: z.number().int(), timeToRead: stats });
export const deliveryReportOutput = z.object({ filters, byChannel: z.array(delivery), totals: delivery });

const csvNote = " Add `format=csv&table=<name>` for one table as text/csv (RFC 4180, a header row, an attachment).";

/** One report each, the same filters; a bearer token or the signed-in browser. */
export const reportContracts = {
  getResponseReport: {
    method: "GET",
    path: "/api/v1/reports/response",
    tag,
    auth: "either",
    summary: `Response: MTTA and MTTR (mean, median, p90 nearest-rank; ms) by team, client, service, priority and ISO week; escalated, failed over, unanswered (failed over and never acknowledged); SLA breaches (confidential incidents counted, listed without id/title to those who may not see them). Tables: ${REPORT_CSV_TABLES.response.join(", ")}.${csvNote}`,
    permission: "reports:read",
    query: reportQuery("response"),
    response: one(responseReportOutput),
  },
  getLoadReport: {
    method: "GET",
    path: "/api/v1/reports/load",
    tag,
    auth: "either",
    summary: `Load per person and team (a row for each team a person is in or was paged for): on-call hours, pages, interruptions (pages within 60 s merged) by band in the person's zone, acknowledged, burden, cover-ledger hours; each team's mean, which highlighting compares with; MSP staff only. Tables: people.${csvNote}`,
    permission: "reports:read-load",
    query: reportQuery("load"),
    response: one(loadReportOutput),
  },
  getAlertQualityReport: {
    method: "GET",
    path: "/api/v1/reports/alert-quality",
    tag,
    auth: "either",
    summary: `Alert quality from post-mortems' alerting review: shares not real, could have waited, wrong person, not enough information; noisiest services and priority rules; MSP staff only. Tables: services, rules.${csvNote}`,
    permission: "reports:read-load",
    query: reportQuery("alert-quality"),
    response: one(alertQualityReportOutput),
  },
  getDeliveryReport: {
    method: "GET",
    path: "/api/v1/reports/delivery",
    tag,
    auth: "either",
    summary: `Delivery: notifications by channel and state, time to read; MSP staff only. Tables: byChannel.${csvNote}`,
    permission: "reports:read-load",
    query: reportQuery("delivery"),
    response: one(deliveryReportOutput),
  },
} as const satisfies Record<string, ApiContract>;
