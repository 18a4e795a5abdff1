/**
 * The reports' contract: what each report returns. The queries (lib/reports/*.ts), the REST
 * routes (app/api/v1/reports/*), the pages (app/(app)/reports) and the benchmark all speak it.
 *
 * Durations are milliseconds (numbers), instants ISO 8601 UTC strings, so a result crosses the
 * server/client boundary and the JSON API unchanged. `null` means "no data" (no incident was
 * acknowledged, so there is no MTTA), never zero.
 */
import type { Priority } from "@/lib/core/alerts/priority-rules";
import type { Channel } from "@/lib/core/escalation";
import type { DurationStats, InterruptionBand } from "@/lib/core/reports/types";

export const REPORT_KINDS = ["response", "load", "alert-quality", "delivery"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The tables each report exports as CSV (`?format=csv&table=<name>`). */
export const REPORT_CSV_TABLES = {
  response: ["totals", "byTeam", "byClient", "byService", "byPriority", "byWeek", "slaBreaches"],
  load: ["people"],
  "alert-quality": ["services", "rules"],
  delivery: ["byChannel"],
} as const satisfies Record<ReportKind, readonly string[]>;
export type ReportCsvTable<K extends ReportKind = ReportKind> = (typeof REPORT_CSV_TABLES)[K][number];

/** One filter bar for every report (parsed from the query string by `reportFiltersSchema`). */
export type ReportFilters = {
  /** Inclusive start of the period (an incident counts when it triggered in [from, to)). */
  from: Date;
  /** Exclusive end of the period. */
  to: Date;
  teamId?: string;
  clientId?: string;
  serviceId?: string;
  priority?: Priority;
};

/** Mean, median and 90th percentile of a set of durations (ms); nulls when the set is empty (lib/core/reports computes them). */
export type { DurationStats } from "@/lib/core/reports/types";

export type ResponseGroupRow = {
  /** The group's id (team, client or service id; the priority itself; the week's Monday as YYYY-MM-DD). */
  key: string;
  label: string;
  incidents: number;
  /** From paging start to the acknowledgement, over the acknowledged incidents. */
  mtta: DurationStats;
  /** From trigger to resolution, over the resolved incidents that were worked: paging had started, or someone acknowledged. */
  mttr: DurationStats;
  /** Incidents whose escalation reached level 2 or beyond. */
  escalated: number;
  /** Incidents whose policy ran out and sent the failover email. */
  failedOver: number;
  /**
   * Incidents whose policy ran out (failed over) and that nobody acknowledged, even later: the
   * incident list's "unanswered" (`unanswered=true`), still counted once monitoring resolved them.
   * Never more than `failedOver`; an incident resolved before anyone was paged is not unanswered.
   */
  unanswered: number;
};

/** Set on the client, per priority (the type lives in lib/core/reports so db/schema can use it). */
export type { SlaTarget, SlaTargets } from "@/lib/core/reports/types";

export type SlaBreach = {
  /** null when the incident is confidential and the viewer may not see it: counted, never listed. */
  incidentId: string | null;
  number: number | null;
  title: string | null;
  clientId: string;
  clientName: string;
  priority: Priority;
  kind: "acknowledge" | "resolve";
  targetMinutes: number;
  /** How long it took (ms); for one still open, how long it has been at the end of the period. */
  tookMs: number;
  triggeredAt: string;
};

export type ResponseReport = {
  filters: SerializedFilters;
  totals: ResponseGroupRow;
  byTeam: ResponseGroupRow[];
  byClient: ResponseGroupRow[];
  byService: ResponseGroupRow[];
  byPriority: ResponseGroupRow[];
  /** Week by week (weeks start on Monday, UTC), oldest first, every week of the period present. */
  byWeek: ResponseGroupRow[];
  sla: { breaches: SlaBreach[]; breachCount: number; measured: number };
};

export { INTERRUPTION_BANDS, type InterruptionBand } from "@/lib/core/reports/types";

export type LoadPersonRow = {
  userId: string;
  name: string;
  timeZone: string;
  onCallHours: number;
  notifications: number;
  /** Notifications within 60 s of each other count as one interruption. */
  interruptions: Record<InterruptionBand, number> & { total: number };
  acknowledged: number;
  /** Weighted burden as the fairness report defines it. */
  burden: number;
  /** Cover-ledger balance in hours (positive: owed). */
  ledgerHours: number;
  /** Far above their team's mean (`LoadReport.teams`): burden or interruptions more than one standard deviation and 25% above it. */
  highlighted: boolean;
  /**
   * The team this row measures the person in (and their generator link): one row per person and
   * team — hours, burden and cover balance from that team's schedules and ledger, pages and
   * acknowledgements on that team's incidents.
   */
  teamId: string;
  teamName: string;
};

/** A team's mean per person over its rows: what each of its people is compared with. */
export type LoadTeamMean = { teamId: string; teamName: string; people: number; mean: { burden: number; interruptions: number } };

export type LoadReport = {
  filters: SerializedFilters;
  /** By name, then team name. */
  people: LoadPersonRow[];
  /** Each team in the report with its mean, by name. */
  teams: LoadTeamMean[];
  /** The mean over every row of every team (not what highlighting compares with: see `teams`). */
  mean: { burden: number; interruptions: number };
};

export type AlertQualityRow = {
  key: string;
  label: string;
  reviewed: number;
  notReal: number;
  couldHaveWaited: number;
  wrongPerson: number;
  notEnoughInformation: number;
};

export type AlertQualityReport = {
  filters: SerializedFilters;
  /** Over incidents whose post-mortem answered the alerting review. */
  totals: AlertQualityRow;
  /** Shares 0..1 of `totals.reviewed` (null when nothing was reviewed). */
  shares: { notReal: number | null; couldHaveWaited: number | null; wrongPerson: number | null; notEnoughInformation: number | null };
  /** Noisiest first: by incidents (alerts) received, with their review counts. */
  noisiestServices: (AlertQualityRow & { incidents: number; events: number })[];
  /** Priority rules that matched, noisiest first. */
  noisiestRules: (AlertQualityRow & { incidents: number })[];
};

export type DeliveryRow = {
  channel: Channel | "all";
  total: number;
  pending: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  /** From created to read, over the notifications that were read. */
  timeToRead: DurationStats;
};

export type DeliveryReport = {
  filters: SerializedFilters;
  byChannel: DeliveryRow[];
  totals: DeliveryRow;
};

export type SerializedFilters = {
  from: string;
  to: string;
  teamId: string | null;
  clientId: string | null;
  serviceId: string | null;
  priority: Priority | null;
};

/** Headline figures for the dashboard: the last 7 days. */
export type ReportHeadlines = {
  from: string;
  to: string;
  incidents: number;
  mtta: number | null;
  mttr: number | null;
  escalated: number;
  afterHoursInterruptions: number | null;
  slaBreaches: number;
};
