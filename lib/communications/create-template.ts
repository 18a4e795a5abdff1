import { messageTemplates } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { toTemplateOutput } from "./list-templates";
import { checkTemplateSyntax } from "./render-template";
import { createTemplateInput, type TemplateOutput } from "./schemas";

/** A message template for one audience, for one client or (clientId null) for all. */
export async function createTemplate({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<TemplateOutput> {
  await requirePermission(ctx, "clients:manage", { type: "template" });
  const data = parseInput(createTemplateInput, input);
  if (data.clientId) await requireClientVisible(ctx, data.clientId);
  checkTemplateSyntax(data.subject, "subject");
  checkTemplateSyntax(data.body, "body");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(messageTemplates).values({ ...data, updatedAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: "template.create", targetType: "template", targetId: row!.id, clientId: data.clientId, details: { audience: data.audience } });
    return toTemplateOutput(row!);
  });
}
