import { and, desc, eq, inArray, not, or, sql, type SQL } from "drizzle-orm";
import { clients, incidents, postmortemReviewers, postmortems } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { decodeCursor, encodeCursor, type Page } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { meetingOverdue } from "@/lib/core/postmortems";
import { InvalidError } from "@/lib/errors";
import { confidentialityFilter } from "@/lib/incidents/visibility";
import { parseInput } from "@/lib/validation";
import { postmortemListQuery, type PostmortemSummaryOutput } from "./schemas";

/**
 * Newest resolution first, in the viewer's client scope; confidential incidents only for their
 * participants, the people they paged and managers (an admin after breaking the glass); stakeholders
 * only post-mortems published at least once, and those in review they are asked to review (what the
 * page shows them: `requirePostmortemVisible`). `awaitingMyReview` marks (and `?awaitingMyReview=true`
 * keeps) the ones in review the viewer has not approved yet.
 */
export async function listPostmortems(ctx: Ctx, query: unknown): Promise<Page<PostmortemSummaryOutput>> {
  await requirePermission(ctx, "incidents:read", { type: "postmortem" });
  const q = parseInput(postmortemListQuery, query);
  const internal = can(ctx.viewer, "incidents:read-internal");
  const today = ctx.now.toISOString().slice(0, 10);
  const filters: (SQL | undefined)[] = [];
  const inReview = eq(postmortems.status, "in_review");
  const reviewer = (pending: boolean) =>
    sql<boolean>`exists (select 1 from ${postmortemReviewers} where ${postmortemReviewers.postmortemId} = ${postmortems.id} and ${postmortemReviewers.userId} = ${ctx.viewer.userId}${pending ? sql` and ${postmortemReviewers.approvedAt} is null` : sql``})`;
  const awaitingFilter = and(inReview, reviewer(true))!;
  // What a stakeholder reads as "in review": one they are asked to review (otherwise its latest published revision).
  const reviewingFilter = and(inReview, reviewer(false))!;
  if (ctx.viewer.clientIds !== "all") filters.push(inArray(incidents.clientId, ctx.viewer.clientIds.length ? ctx.viewer.clientIds : [""]));
  // Stakeholders: published at least once, or in review with them among its reviewers.
  if (!internal) filters.push(or(sql`${postmortems.revision} > 0`, reviewingFilter));
  if (q.awaitingMyReview === "true") filters.push(awaitingFilter);
  if (q.awaitingMyReview === "false") filters.push(not(awaitingFilter));
  // Need-to-know: the incidents' own rule (admins only after breaking the glass).
  filters.push(confidentialityFilter(ctx));
  // `status` filters on the status the viewer is shown (a stakeholder never sees a draft).
  if (q.status) filters.push(internal ? eq(postmortems.status, q.status) : q.status === "draft" ? sql`false` : q.status === "in_review" ? reviewingFilter : not(reviewingFilter));
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor);
    if (Number.isNaN(new Date(at).getTime())) throw InvalidError.field("cursor", "Not a cursor this API returned");
    filters.push(sql`(${postmortems.createdAt}, ${postmortems.id}) < (${at}::timestamptz, ${id})`);
  }
  const rows = await ctx.db
    .select({
      pm: postmortems,
      incident: { id: incidents.id, number: incidents.number, title: incidents.title, resolvedAt: incidents.resolvedAt },
      client: { id: clients.id, name: clients.name },
      overdue: sql<number>`(select count(*)::int from postmortem_action_items a where a.postmortem_id = ${postmortems.id} and a.status <> 'done' and a.due_date < ${today})`,
      reviewing: reviewer(false),
      awaiting: reviewer(true),
    })
    .from(postmortems)
    .innerJoin(incidents, eq(incidents.id, postmortems.incidentId))
    .innerJoin(clients, eq(clients.id, incidents.clientId))
    .where(and(...filters))
    .orderBy(desc(postmortems.createdAt), desc(postmortems.id))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  return {
    data: page.map(({ pm, incident, client, overdue, reviewing, awaiting }) => ({
      id: pm.id,
      incident: { ...incident, resolvedAt: incident.resolvedAt?.toISOString() ?? null },
      client,
      // A stakeholder reads the version in review when asked to review it, otherwise the latest published revision.
      status: internal ? pm.status : pm.status === "in_review" && reviewing ? "in_review" : "published",
      revision: pm.revision,
      meetingAt: pm.meetingAt?.toISOString() ?? null,
      meetingOverdue: internal && incident.resolvedAt ? meetingOverdue({ resolvedAt: incident.resolvedAt, meetingAt: pm.meetingAt, status: pm.status }, ctx.now) : null,
      overdueActionItems: internal ? Number(overdue) : 0,
      updatedAt: pm.updatedAt.toISOString(),
      awaitingMyReview: pm.status === "in_review" && !!awaiting,
    })),
    nextCursor: more && last ? encodeCursor([last.pm.createdAt.toISOString(), last.pm.id]) : null,
  };
}
