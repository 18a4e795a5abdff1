import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { incidents, postmortems } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { instantTextSchema } from "@/lib/http/common-schemas";
import { parseInput } from "@/lib/validation";

export const alertingReviewQuery = z.object({ since: instantTextSchema().optional(), until: instantTextSchema().optional(), clientId: z.string().max(64).optional() });
export const alertingReviewOutput = z.object({ reviewed: z.number().int(), falseAlarms: z.number().int(), couldWait: z.number().int(), wrongPerson: z.number().int(), missed: z.number().int(), unableToHandle: z.number().int(), notEnoughInformation: z.number().int() });

/**
 * The alerting review's counts as SQL aggregates over joined post-mortem rows; `count` says how a
 * matching row counts (once per row by default; the alert-quality report counts distinct incidents).
 */
export function alertingReviewColumns(count: (cond: SQL) => SQL<number> = (cond) => sql<number>`count(*) filter (where ${cond})::int`) {
  return {
    reviewed: count(sql`${postmortems.alertReal} is not null or ${postmortems.reachedRightPerson} is not null or ${postmortems.enoughInformation} is not null`),
    falseAlarms: count(sql`${postmortems.alertReal} = 'no_issue'`),
    couldWait: count(sql`${postmortems.alertReal} = 'could_wait'`),
    missed: count(sql`${postmortems.reachedRightPerson} = 'missed'`),
    unableToHandle: count(sql`${postmortems.reachedRightPerson} = 'unable_to_handle'`),
    notEnoughInformation: count(sql`${postmortems.enoughInformation} = false`),
  };
}

/** For reports: of the post-mortems answered (by incident trigger time), how many pages were false alarms, could have waited, reached the wrong person, lacked information. */
export async function countAlertingReview(ctx: Ctx, query: unknown): Promise<z.infer<typeof alertingReviewOutput>> {
  await requirePermission(ctx, "incidents:read-internal", { type: "postmortem" });
  const q = parseInput(alertingReviewQuery, query);
  const filters: (SQL | undefined)[] = [];
  if (ctx.viewer.clientIds !== "all") filters.push(inArray(incidents.clientId, ctx.viewer.clientIds.length ? ctx.viewer.clientIds : [""]));
  if (q.clientId) filters.push(eq(incidents.clientId, q.clientId));
  if (q.since) filters.push(gte(incidents.triggeredAt, new Date(q.since)));
  if (q.until) filters.push(lt(incidents.triggeredAt, new Date(q.until)));
  const [row] = await ctx.db
    .select(alertingReviewColumns())
    .from(postmortems)
    .innerJoin(incidents, eq(incidents.id, postmortems.incidentId))
    .where(and(...filters));
  const r = row ?? { reviewed: 0, falseAlarms: 0, couldWait: 0, missed: 0, unableToHandle: 0, notEnoughInformation: 0 };
  const num = (x: unknown) => Number(x ?? 0);
  return { reviewed: num(r.reviewed), falseAlarms: num(r.falseAlarms), couldWait: num(r.couldWait), wrongPerson: num(r.missed) + num(r.unableToHandle), missed: num(r.missed), unableToHandle: num(r.unableToHandle), notEnoughInformation: num(r.notEnoughInformation) };
}
