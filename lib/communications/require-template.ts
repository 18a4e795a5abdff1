import { eq } from "drizzle-orm";
import { messageTemplates } from "@/db/schema";
import { requireClientVisible } from "@/lib/access/check";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";

/** The template if it is shared, or belongs to a client the viewer may see; else not found. */
export async function requireTemplate(ctx: Ctx, templateId: string) {
  const [row] = await ctx.db.select().from(messageTemplates).where(eq(messageTemplates.id, templateId));
  if (!row) throw new NotFoundError("Template");
  if (row.clientId) await requireClientVisible(ctx, row.clientId).catch(() => Promise.reject(new NotFoundError("Template")));
  return row;
}

