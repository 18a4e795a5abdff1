import { eq } from "drizzle-orm";
import { z } from "zod";
import { messageTemplates } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/http/common-schemas";
import { parseInput } from "@/lib/validation";
import { toTemplateOutput } from "./list-templates";
import { checkTemplateSyntax } from "./render-template";
import { createTemplateInput, updateTemplateInput, type TemplateOutput } from "./schemas";

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

async function requireTemplate(ctx: Ctx, templateId: string) {
  const [row] = await ctx.db.select().from(messageTemplates).where(eq(messageTemplates.id, templateId));
  if (!row) throw new NotFoundError("Template");
  if (row.clientId) await requireClientVisible(ctx, row.clientId).catch(() => Promise.reject(new NotFoundError("Template")));
  return row;
}

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
