import { z } from "zod";
import type { PeriodChoice, ReportFilterValues } from "@/components/reports/report-filter-bar";
import { addDaysToIsoDate, localDateAt, startOfLocalDate, toIsoInstant } from "@/lib/core/time";
import { REPORT_KINDS, type ReportKind } from "@/lib/reports/types";

export type ReportSearchParams = Partial<Record<"tab" | "period" | "from" | "to" | "teamId" | "clientId" | "serviceId" | "priority", string | string[]>>;

const PRESET_DAYS = { "7d": 7, "30d": 30, "90d": 90 } as const;
const DEFAULT_PERIOD = "30d";
const isoDate = z.iso.date();

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

export type ReportQuery = {
  tab: ReportKind;
  values: ReportFilterValues;
  /** What the report functions and the REST routes take: instants for [from, to), ids, priority. */
  input: { from: string; to: string; teamId?: string; clientId?: string; serviceId?: string; priority?: string };
  /** Parts of the URL that were not understood and were replaced by the default. */
  notes: string[];
};

/**
 * Reads the reports page's query string. Dates are whole days in the viewer's zone: a preset ends
 * today, custom dates include both the first and the last day.
 */
export function readReportQuery(sp: ReportSearchParams, opts: { now: Date; timeZone: string; tabs: readonly ReportKind[] }): ReportQuery {
  const notes: string[] = [];
  const askedTab = one(sp.tab);
  const tab = opts.tabs.find((t) => t === askedTab) ?? opts.tabs[0] ?? REPORT_KINDS[0];

  const today = localDateAt(opts.now.getTime(), opts.timeZone);
  const askedPeriod = one(sp.period);
  const askedFrom = one(sp.from);
  const askedTo = one(sp.to);
  let period: PeriodChoice = askedPeriod in PRESET_DAYS || askedPeriod === "custom" ? (askedPeriod as PeriodChoice) : askedFrom || askedTo ? "custom" : DEFAULT_PERIOD;
  let from = "";
  let to = "";
  if (period === "custom") {
    const f = isoDate.safeParse(askedFrom);
    const t = isoDate.safeParse(askedTo || today);
    if (f.success && t.success && t.data >= f.data) {
      from = f.data;
      to = t.data;
    } else {
      notes.push(!f.success || !t.success ? "The dates weren't understood (use YYYY-MM-DD), so the last 30 days are shown." : "The end date was before the start date, so the last 30 days are shown.");
      period = DEFAULT_PERIOD;
    }
  }
  if (period !== "custom") {
    to = today;
    from = addDaysToIsoDate(today, -(PRESET_DAYS[period] - 1));
  }

  const values: ReportFilterValues = { tab, period, from, to, teamId: one(sp.teamId), clientId: one(sp.clientId), serviceId: one(sp.serviceId), priority: one(sp.priority) };
  const input: ReportQuery["input"] = {
    from: toIsoInstant(startOfLocalDate(from, opts.timeZone)),
    to: toIsoInstant(startOfLocalDate(addDaysToIsoDate(to, 1), opts.timeZone)),
  };
  for (const key of ["teamId", "clientId", "serviceId", "priority"] as const) if (values[key]) input[key] = values[key];
  return { tab, values, input, notes };
}

/** The page's URL for these filters on another tab (or with other values). */
export function reportsHref(values: ReportFilterValues, patch: Partial<ReportFilterValues> = {}): string {
  const v = { ...values, ...patch };
  const params = new URLSearchParams({ tab: v.tab, period: v.period });
  if (v.period === "custom") {
    params.set("from", v.from);
    params.set("to", v.to);
  }
  for (const key of ["teamId", "clientId", "serviceId", "priority"] as const) if (v[key]) params.set(key, v[key]);
  return `/reports?${params.toString()}`;
}
