import { eq } from "drizzle-orm";
import { z } from "zod";
import { messageTemplates } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/http/common-schemas";
import { parseInput } from "@/lib/validation";
import { requireTemplate } from "./require-template";

export async function deleteTemplate({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "clients:manage", { type: "template" });
  const { templateId } = parseInput(z.object({ templateId: idSchema }), input);
  const existing = await requireTemplate(ctx, templateId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(messageTemplates).where(eq(messageTemplates.id, templateId)).returning({ id: messageTemplates.id });
    if (!row) throw new NotFoundError("Template");
    await recordAudit(tx, ctx, { action: "template.delete", targetType: "template", targetId: templateId, clientId: existing.clientId });
  });
}
