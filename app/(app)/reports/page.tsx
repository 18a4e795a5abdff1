import type { Metadata } from "next";
import type { ReactNode } from "react";
import { asc, inArray } from "drizzle-orm";
import { schedules } from "@/db/schema";
import { AlertQualitySection } from "@/components/reports/alert-quality-section";
import { DeliverySection } from "@/components/reports/delivery-section";
import { LoadSection, type GeneratorLinks } from "@/components/reports/load-section";
import { ReportFilterBar } from "@/components/reports/report-filter-bar";
import { ReportTabs } from "@/components/reports/report-tabs";
import { ResponseSection } from "@/components/reports/response-section";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access/check";
import { requireSessionCtx } from "@/lib/auth/session-viewer";
import type { Ctx } from "@/lib/context";
import { BatonError } from "@/lib/errors";
import { alertQualityReport } from "@/lib/reports/alert-quality-report";
import { deliveryReport } from "@/lib/reports/delivery-report";
import { reportFilterOptions } from "@/lib/reports/filter-options";
import { reportFiltersSchema } from "@/lib/reports/filters";
import { loadReport } from "@/lib/reports/load-report";
import { responseReport } from "@/lib/reports/response-report";
import type { ReportKind } from "@/lib/reports/types";
import { readReportQuery, reportsHref, type ReportSearchParams } from "./report-query";

export const metadata: Metadata = { title: "Reports" };

const TAB_LABELS: Record<ReportKind, string> = { response: "Response", load: "Load", "alert-quality": "Alert quality", delivery: "Delivery" };
const ALL_TABS = ["response", "load", "alert-quality", "delivery"] as const satisfies readonly ReportKind[];
/** Without reports:read-load (stakeholders) only the response figures: no per-person load, no internal review. */
const RESPONSE_ONLY = ["response"] as const satisfies readonly ReportKind[];

const FIELD_NAMES: Record<string, string> = { from: "Start date", to: "End date", teamId: "Team", clientId: "Client", serviceId: "Service", priority: "Priority" };

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** A refused filter in words (the zod or use-case message, named by field). */
function describeProblem(e: unknown): string | null {
  if (!(e instanceof BatonError)) return null;
  if (e.code === "not_found") return `${e.message} It may be outside what you can see.`;
  if (e.code === "forbidden") return "You don't have access to this report.";
  if (e.code !== "invalid") return null;
  const issues = e.issues?.length ? e.issues : [{ path: "", message: e.message }];
  return issues.map((i) => sentence(FIELD_NAMES[i.path] ? `${FIELD_NAMES[i.path]}: ${i.message}` : i.message)).join(" ");
}

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
/** "Mar 1, 2026 – Mar 30, 2026, whole days in America/New York." */
const describePeriod = (from: string, to: string, zone: string) =>
  `${dayFormat.formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`))}, whole days in ${zone.replaceAll("_", " ")}.`;

/** Schedules of the given teams, first by name: where their generator ("Fill next weeks…") runs. */
async function generatorLinks(ctx: Ctx, teamIds: string[]): Promise<GeneratorLinks> {
  if (teamIds.length === 0 || !can(ctx.viewer, "schedules:manage")) return {};
  const rows = await ctx.db.select({ id: schedules.id, name: schedules.name, teamId: schedules.teamId }).from(schedules).where(inArray(schedules.teamId, teamIds)).orderBy(asc(schedules.name));
  const links: GeneratorLinks = {};
  for (const r of rows) if (r.teamId && !links[r.teamId]) links[r.teamId] = { href: `/schedules/${r.id}`, scheduleName: r.name };
  return links;
}

async function renderReport(ctx: Ctx, tab: ReportKind, input: unknown, showTeams: boolean) {
  switch (tab) {
    case "response":
      return <ResponseSection report={await responseReport({ ctx, input })} timeZone={ctx.viewer.timeZone} showTeams={showTeams} />;
    case "load": {
      const report = await loadReport({ ctx, input });
      const flaggedTeams = [...new Set(report.people.filter((p) => p.highlighted).map((p) => p.teamId))];
      return <LoadSection report={report} generators={await generatorLinks(ctx, flaggedTeams)} />;
    }
    case "alert-quality":
      return <AlertQualitySection report={await alertQualityReport({ ctx, input })} />;
    case "delivery":
      return <DeliverySection report={await deliveryReport({ ctx, input })} />;
  }
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<ReportSearchParams> }) {
  const ctx = await requireSessionCtx();
  const { viewer } = ctx;
  const stakeholder = viewer.role === "stakeholder";
  const tabs = can(viewer, "reports:read-load") ? ALL_TABS : RESPONSE_ONLY;
  const { tab, values, input, notes } = readReportQuery(await searchParams, { now: ctx.now, timeZone: viewer.timeZone, tabs });

  // The filter bar's lists and the report are independent: both are under way before either is awaited.
  const options = reportFilterOptions(ctx);
  const parsed = reportFiltersSchema.safeParse(input);
  const report: Promise<{ body: ReactNode } | { error: unknown }> | null = parsed.success
    ? renderReport(ctx, tab, input, !stakeholder).then(
        (body) => ({ body }),
        (error: unknown) => ({ error }),
      )
    : null;
  const { clients, teams, services } = await options;

  // A hand-edited URL with a bad filter says what was wrong instead of failing the page.
  let problem: string | null = null;
  let body: ReactNode = null;
  if (!parsed.success) {
    problem = parsed.error.issues.map((i) => sentence(`${FIELD_NAMES[String(i.path[0])] ?? "Filter"}: ${i.message}`)).join(" ");
  } else if (report) {
    const outcome = await report;
    if ("error" in outcome) {
      problem = describeProblem(outcome.error);
      if (problem === null) throw outcome.error;
    } else body = outcome.body;
  }

  return (
    <>
      <PageHeader
        title="Reports"
        description={stakeholder ? "How quickly incidents affecting your organisation were acknowledged and resolved, against your SLA targets." : "Response times, load per person, alert quality and delivery, for one period and set of filters."}
      />
      {tabs.length > 1 && <ReportTabs active={tab} tabs={tabs.map((t) => ({ id: t, label: TAB_LABELS[t], href: reportsHref(values, { tab: t }) }))} />}
      <ReportFilterBar
        values={values}
        teams={teams}
        clients={clients}
        services={services}
        clearHref={`/reports?tab=${tab}`}
      />
      {notes.map((n) => (
        <Alert key={n} variant="warning" className="mb-5">
          {n}
        </Alert>
      ))}
      {problem ? (
        <Alert variant="warning" title="These filters can't be used" className="mb-5">
          {problem} Change them above, or{" "}
          <a href={`/reports?tab=${tab}`}>reset to the last 30 days</a>.
        </Alert>
      ) : (
        <section aria-label={`${TAB_LABELS[tab]} report`}>
          <p className="mb-4 text-sm text-slate-600">{describePeriod(values.from, values.to, viewer.timeZone)}</p>
          {body}
        </section>
      )}
    </>
  );
}
