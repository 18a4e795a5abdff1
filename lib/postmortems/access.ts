import { and, eq } from "drizzle-orm";
import { clientStakeholders, incidentParticipants, postmortemReviewers, postmortems, teamMembers } from "@/db/schema";
import { can, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { stakeholderMayRead } from "./rules";

export type PostmortemRow = typeof postmortems.$inferSelect;
export type Visible = { pm: PostmortemRow; incident: Awaited<ReturnType<typeof requireIncidentVisible>>; internal: boolean; isReviewer: boolean };

export async function isReviewerOf(ctx: Ctx, postmortemId: string) {
  const [r] = await ctx.db.select({ userId: postmortemReviewers.userId }).from(postmortemReviewers).where(and(eq(postmortemReviewers.postmortemId, postmortemId), eq(postmortemReviewers.userId, ctx.viewer.userId)));
  return !!r;
}

/**
 * The post-mortem if the viewer may read it: its incident must be visible (client scope,
 * confidentiality); stakeholders see it only once published (their reviewers also while in review).
 */
export async function requirePostmortemVisible(ctx: Ctx, postmortemId: string): Promise<Visible> {
  await requirePermission(ctx, "incidents:read", { type: "postmortem", id: postmortemId });
  const [pm] = await ctx.db.select().from(postmortems).where(eq(postmortems.id, postmortemId));
  if (!pm) throw new NotFoundError("Post-mortem");
  let incident;
  try {
    incident = await requireIncidentVisible(ctx, pm.incidentId);
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError("Post-mortem");
    throw e;
  }
  const internal = can(ctx.viewer, "incidents:read-internal");
  const isReviewer = await isReviewerOf(ctx, pm.id);
  if (!internal && !stakeholderMayRead(pm, isReviewer)) {
    await recordAudit(ctx.db, ctx, { action: "access.denied", targetType: "postmortem", targetId: pm.id, details: { reason: "not published" } });
    throw new NotFoundError("Post-mortem");
  }
  return { pm, incident, internal, isReviewer };
}

/** Writers: responders (engineers and up) who can see the incident. */
export async function requirePostmortemWritable(ctx: Ctx, postmortemId: string): Promise<Visible> {
  await requirePermission(ctx, "incidents:respond", { type: "postmortem", id: postmortemId });
  return requirePostmortemVisible(ctx, postmortemId);
}

/** Who may review: the incident's participants and responders, its team, and the client's stakeholders. */
export async function reviewerCandidateIds(ctx: Ctx, v: Visible): Promise<Set<string>> {
  const ids = new Set<string>();
  const facts = v.pm.facts as { responders?: { id: string }[] };
  for (const r of facts.responders ?? []) ids.add(r.id);
  const parts = await ctx.db.select({ id: incidentParticipants.userId }).from(incidentParticipants).where(eq(incidentParticipants.incidentId, v.pm.incidentId));
  for (const p of parts) ids.add(p.id);
  const team = await ctx.db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, v.incident.teamId));
  for (const m of team) ids.add(m.id);
  const stake = await ctx.db.select({ id: clientStakeholders.userId }).from(clientStakeholders).where(eq(clientStakeholders.clientId, v.incident.clientId));
  for (const s of stake) ids.add(s.id);
  return ids;
}
