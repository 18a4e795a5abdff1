import { z } from "zod";
import { PRIORITIES } from "@/lib/core/alerts/priority-rules";
import { idSchema } from "@/lib/http/common-schemas";
import { InvalidError } from "@/lib/errors";
import { INSTANT_RANGE_MESSAGE, isInstantInRange } from "@/lib/validation";
import type { ReportFilters, SerializedFilters } from "./types";

const DAY_MS = 86_400_000;
export const DEFAULT_REPORT_DAYS = 30;
export const MAX_REPORT_SPAN_DAYS = 366;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO date (midnight UTC) or an ISO datetime with Z or an offset; `to` given as a date means the end of that day. */
const instant = (end: boolean) =>
  z
    .string()
    .trim()
    .refine((v) => DATE_ONLY.test(v) ? z.iso.date().safeParse(v).success : z.iso.datetime({ offset: true }).safeParse(v).success, "Use an ISO date (YYYY-MM-DD) or date-time (2026-03-01T00:00:00Z)")
    .transform((v) => (DATE_ONLY.test(v) ? new Date(Date.parse(`${v}T00:00:00Z`) + (end ? DAY_MS : 0)) : new Date(v)))
    .refine((d) => isInstantInRange(d.getTime()), INSTANT_RANGE_MESSAGE);

/** The filter bar as the query string carries it (the REST routes' query, the page's links). */
export const reportFiltersShape = z.object({
  from: instant(false).optional(),
  to: instant(true).optional(),
  teamId: idSchema.optional(),
  clientId: idSchema.optional(),
  serviceId: idSchema.optional(),
  priority: z.enum(PRIORITIES, "One of high, medium, low").optional(),
});

type RawFilters = z.output<typeof reportFiltersShape>;

/** from before to, and at most 366 days apart (checked here when both are given, again once `now` fills a gap). */
export function checkReportSpan(f: { from?: Date; to?: Date }, ctx: z.RefinementCtx): void {
  if (!f.from || !f.to || !isInstantInRange(f.from.getTime()) || !isInstantInRange(f.to.getTime())) return; // an out-of-range end is its own error
  if (f.from.getTime() >= f.to.getTime()) ctx.addIssue({ code: "custom", path: ["from"], message: "Must be before the end of the period" });
  else if (f.to.getTime() - f.from.getTime() > MAX_REPORT_SPAN_DAYS * DAY_MS) ctx.addIssue({ code: "custom", path: ["to"], message: `The period is at most ${MAX_REPORT_SPAN_DAYS} days` });
}

export const reportFiltersSchema = reportFiltersShape.superRefine(checkReportSpan);

/**
 * The filters a report runs with: the parsed query, the period defaulting to the 30 days ending at
 * `now` (or 30 days either side of the one end given).
 */
export function resolveReportFilters(raw: RawFilters, now: Date): ReportFilters {
  const to = raw.to ?? (raw.from ? new Date(Math.min(now.getTime(), raw.from.getTime() + DEFAULT_REPORT_DAYS * DAY_MS)) : now);
  const from = raw.from ?? new Date(to.getTime() - DEFAULT_REPORT_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) throw InvalidError.field("from", "Must be before the end of the period");
  if (to.getTime() - from.getTime() > MAX_REPORT_SPAN_DAYS * DAY_MS) throw InvalidError.field("to", `The period is at most ${MAX_REPORT_SPAN_DAYS} days`);
  return { from, to, teamId: raw.teamId, clientId: raw.clientId, serviceId: raw.serviceId, priority: raw.priority };
}

export function serializeFilters(f: ReportFilters): SerializedFilters {
  return { from: f.from.toISOString(), to: f.to.toISOString(), teamId: f.teamId ?? null, clientId: f.clientId ?? null, serviceId: f.serviceId ?? null, priority: f.priority ?? null };
}
