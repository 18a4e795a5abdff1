import { asc, eq, isNull, or } from "drizzle-orm";
import { messageTemplates } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import type { TemplateOutput } from "./schemas";

export const toTemplateOutput = (t: typeof messageTemplates.$inferSelect): TemplateOutput => ({ id: t.id, clientId: t.clientId, audience: t.audience, name: t.name, subject: t.subject, body: t.body, updatedAt: t.updatedAt.toISOString() });

/** Templates for every client, plus (with `clientId`) that client's own, which win for their audience. */
export async function listTemplates(ctx: Ctx, query: { clientId?: string | null } = {}): Promise<TemplateOutput[]> {
  await requirePermission(ctx, "incidents:read-internal", { type: "template" });
  if (query.clientId) await requireClientVisible(ctx, query.clientId);
  const rows = await ctx.db
    .select()
    .from(messageTemplates)
    .where(query.clientId ? or(isNull(messageTemplates.clientId), eq(messageTemplates.clientId, query.clientId)) : isNull(messageTemplates.clientId))
    .orderBy(asc(messageTemplates.audience), asc(messageTemplates.clientId), asc(messageTemplates.name));
  return rows.map(toTemplateOutput);
}
