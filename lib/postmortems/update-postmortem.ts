import { and, eq, ne } from "drizzle-orm";
import { postmortems } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requirePostmortemWritable } from "./access";
import { getPostmortem } from "./get-postmortem";
import { updatePostmortemInput } from "./schemas";

const PUBLISHED = "This post-mortem is published and immutable. Start a new revision (POST …/revise) to change it.";

/** Saves the form (sections merge; the alerting review and stars replace) while it is a draft or in review. */
export async function updatePostmortem({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = parseInput(updatePostmortemInput, input);
  const { pm } = await requirePostmortemWritable(ctx, data.postmortemId);
  if (pm.status === "published") throw new ConflictError(PUBLISHED);
  if (data.starredTimelineIds) {
    const known = new Set(((pm.facts as { timeline?: { id: number }[] }).timeline ?? []).map((t) => t.id));
    const bad = data.starredTimelineIds.findIndex((id) => !known.has(id));
    if (bad >= 0) throw InvalidError.field(`starredTimelineIds.${bad}`, "Not a row of this incident's timeline");
  }
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(postmortems)
      .set({
        ...(data.sections ? { sections: { ...pm.sections, ...data.sections } } : {}),
        ...(data.alertReal !== undefined ? { alertReal: data.alertReal } : {}),
        ...(data.reachedRightPerson !== undefined ? { reachedRightPerson: data.reachedRightPerson } : {}),
        ...(data.enoughInformation !== undefined ? { enoughInformation: data.enoughInformation } : {}),
        ...(data.informationToAdd !== undefined ? { informationToAdd: data.informationToAdd || null } : {}),
        ...(data.starredTimelineIds ? { starredTimelineIds: [...new Set(data.starredTimelineIds)] } : {}),
        updatedAt: ctx.now,
      })
      .where(and(eq(postmortems.id, pm.id), ne(postmortems.status, "published")))
      .returning({ id: postmortems.id });
    if (!row) throw new ConflictError(PUBLISHED);
    await recordAudit(tx, ctx, { action: "postmortem.update", targetType: "postmortem", targetId: pm.id, details: { fields: Object.keys(data).filter((k) => k !== "postmortemId") } });
  });
  return getPostmortem(ctx, pm.id);
}
