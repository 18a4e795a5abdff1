import { can } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { interruptionsByPerson } from "./interruptions-by-person";
import { openReport } from "./report-scope";
import { responseReport } from "./response-report";
import type { ReportHeadlines } from "./types";

const WEEK_MS = 7 * 86_400_000;

/**
 * The dashboard's figures for the 7 days ending now, in the viewer's scope: incidents, mean MTTA
 * and MTTR, escalated, SLA breaches, and interruptions outside business hours (off-hours plus sleep,
 * everyone's in scope) — null for those who may not read load.
 */
export async function reportHeadlines({ ctx }: { ctx: Ctx; input?: unknown }): Promise<ReportHeadlines> {
  const input = { from: new Date(ctx.now.getTime() - WEEK_MS).toISOString(), to: ctx.now.toISOString() };
  const response = await responseReport({ ctx, input });
  let afterHours: number | null = null;
  if (can(ctx.viewer, "reports:read-load")) {
    const f = await openReport(ctx, input, "reports:read-load", "report_headlines");
    afterHours = 0;
    for (const p of (await interruptionsByPerson(ctx, f)).values()) afterHours += p.interruptions.off_hours + p.interruptions.sleep;
  }
  const t = response.totals;
  return { from: input.from, to: input.to, incidents: t.incidents, mtta: t.mtta.mean, mttr: t.mttr.mean, escalated: t.escalated, afterHoursInterruptions: afterHours, slaBreaches: response.sla.breachCount };
}
