import { eq } from "drizzle-orm";
import { messageTemplates } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toTemplateOutput } from "./list-templates";
import { checkTemplateSyntax } from "./render-template";
import { requireTemplate } from "./require-template";
import { updateTemplateInput, type TemplateOutput } from "./schemas";

export async function updateTemplate({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<TemplateOutput> {
  await requirePermission(ctx, "clients:manage", { type: "template" });
  const { templateId, ...fields } = parseInput(updateTemplateInput, input);
  const existing = await requireTemplate(ctx, templateId);
  checkTemplateSyntax(fields.subject, "subject");
  checkTemplateSyntax(fields.body, "body");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(messageTemplates).set({ ...fields, updatedAt: ctx.now }).where(eq(messageTemplates.id, templateId)).returning();
    if (!row) throw new NotFoundError("Template");
    await recordAudit(tx, ctx, { action: "template.update", targetType: "template", targetId: row.id, clientId: existing.clientId });
    return toTemplateOutput(row);
  });
}

