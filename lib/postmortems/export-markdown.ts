import type { Ctx } from "@/lib/context";
import { forStakeholders, postmortemMarkdown } from "@/lib/core/postmortems";
import { requirePostmortemVisible } from "./access";
import { latestRevisionContent, workingContent } from "./content";

/** The post-mortem as Markdown: the working copy for the MSP's people, the latest published revision (filtered) for stakeholders. */
export async function exportPostmortemMarkdown(ctx: Ctx, postmortemId: string): Promise<{ filename: string; markdown: string }> {
  const v = await requirePostmortemVisible(ctx, postmortemId);
  const published = v.internal ? null : await latestRevisionContent(ctx.db, v.pm.id, v.pm.revision);
  const content = v.internal ? await workingContent(ctx.db, v.pm) : forStakeholders(published ?? (await workingContent(ctx.db, v.pm)));
  return { filename: `postmortem-incident-${v.incident.number}${content.revision ? `-r${content.revision}` : ""}.md`, markdown: postmortemMarkdown(content) };
}
