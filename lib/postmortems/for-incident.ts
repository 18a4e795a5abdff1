import { eq } from "drizzle-orm";
import { postmortems } from "@/db/schema";
import { can } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import type { PostmortemStatus } from "@/lib/core/postmortems";
import { requireIncidentVisible } from "@/lib/incidents/read-incidents";
import { isReviewerOf } from "./access";
import { stakeholderMayRead, stakeholderSees } from "./rules";

export type IncidentPostmortemLink = { id: string; status: PostmortemStatus; revision: number };

/**
 * The incident's post-mortem as its page links it, or null when there is none or the viewer may
 * not read it: the MSP's people get the working copy (draft, in review or published), a stakeholder
 * the latest published revision, or the version in review they are asked to review (the rule of
 * `requirePostmortemVisible`). The incident itself must be visible to the viewer.
 */
export async function postmortemForIncident(ctx: Ctx, incidentId: string): Promise<IncidentPostmortemLink | null> {
  await requireIncidentVisible(ctx, incidentId, "postmortem_link");
  const [pm] = await ctx.db.select({ id: postmortems.id, status: postmortems.status, revision: postmortems.revision }).from(postmortems).where(eq(postmortems.incidentId, incidentId));
  if (!pm) return null;
  if (can(ctx.viewer, "incidents:read-internal")) return pm;
  const isReviewer = await isReviewerOf(ctx, pm.id);
  if (!stakeholderMayRead(pm, isReviewer)) return null;
  return { id: pm.id, ...stakeholderSees(pm, isReviewer) };
}
