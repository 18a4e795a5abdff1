import { createElement } from "react";
import { incidentTimeline, stakeholderUpdates } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { sendMail } from "@/lib/mailer";
import { StakeholderUpdateEmail } from "@/lib/mailer/templates/stakeholder-update-email";
import { previewStakeholderUpdate } from "./preview-update";
import { CONTACT_ROLE_LABELS, type StakeholderUpdateOutput } from "./schemas";

/**
 * Sends a stakeholder update: renders every audience first (any error stops it with nothing
 * stored or sent), stores the update and a timeline row in one transaction, then emails each
 * recipient with an idempotency key per update and contact. The row names the audiences and how
 * many people were written to, so it is internal: a stakeholder reads the updates meant for them,
 * never who else was told (what Legal was told stays with Legal).
 */
export async function sendStakeholderUpdate({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<StakeholderUpdateOutput & { failed: string[] }> {
  const { incident, messages } = await previewStakeholderUpdate({ ctx, input });
  const audiences = messages.map((m) => m.audience);
  const stored = messages.map(({ audience, subject, body, recipients }) => ({ audience, subject, body, recipients }));
  const sender = ctx.viewer.name || ctx.viewer.email;
  const recipientCount = new Set(messages.flatMap((m) => m.recipients.map((r) => r.email))).size;
  const row = await ctx.db.transaction(async (tx) => {
    const [u] = await tx.insert(stakeholderUpdates).values({ incidentId: incident.id, audiences, sentBy: ctx.viewer.userId, sentAt: ctx.now, messages: stored }).returning();
    await tx.insert(incidentTimeline).values({
      incidentId: incident.id,
      at: ctx.now,
      kind: "stakeholder_update",
      actorType: "user",
      actorId: ctx.viewer.userId,
      actorLabel: sender,
      message: `Update sent to ${audiences.map((a) => CONTACT_ROLE_LABELS[a]).join(", ")} (${recipientCount} recipient${recipientCount === 1 ? "" : "s"})`,
      details: { updateId: u!.id, audiences },
      internal: true,
    });
    await recordAudit(tx, ctx, { action: "stakeholder_update.send", targetType: "incident", targetId: incident.id, clientId: incident.clientId, details: { updateId: u!.id, audiences, recipients: recipientCount } });
    return u!;
  });
  const failed: string[] = [];
  for (const m of messages) {
    for (const r of m.recipients) {
      try {
        await sendMail(ctx.db, { to: r.email, subject: m.subject, body: createElement(StakeholderUpdateEmail, { name: r.name, subject: m.subject, body: m.body }), idempotencyKey: `stakeholder-update:${row.id}:${r.contactId}` });
      } catch (e) {
        failed.push(r.email);
        console.warn(`[stakeholder-update] email to ${r.email} failed: ${(e as Error).message}`);
      }
    }
  }
  return { id: row.id, incidentId: incident.id, audiences, sentAt: row.sentAt.toISOString(), sentBy: { id: ctx.viewer.userId, name: sender }, messages: stored, failed };
}
