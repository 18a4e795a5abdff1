import { createElement } from "react";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { ROLE_LABELS } from "@/lib/access/permissions";
import { recordAudit } from "@/lib/audit/record";
import { saveStakeholderClients } from "@/lib/users/stakeholder-clients";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { sendMail } from "@/lib/mailer";
import { InviteEmail } from "@/lib/mailer/templates/invite-email";
import { parseInput } from "@/lib/validation";
import { inviteUserInput } from "./schemas";
import { toUserOutput } from "./read-users";

/** Creates a person with a role; they sign in by email link (there is no open sign-up). */
export async function inviteUser({ ctx, input, origin }: { ctx: Ctx; input: unknown; origin?: string }) {
  await requirePermission(ctx, "users:manage", { type: "user" });
  const data = parseInput(inviteUserInput, input);
  if (data.role === "admin") await requirePermission(ctx, "users:grant-admin", { type: "user" });
  let created: typeof users.$inferSelect;
  try {
    created = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: data.email, name: data.name, role: data.role, timeZone: data.timeZone, createdAt: ctx.now, updatedAt: ctx.now })
        .returning();
      if (data.role === "stakeholder") await saveStakeholderClients(tx, row!.id, data.clientIds);
      await recordAudit(tx, ctx, { action: "user.invite", targetType: "user", targetId: row!.id, details: { email: data.email, role: data.role, clientIds: data.clientIds } });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`${data.email} already has an account.`);
    throw e;
  }
  if (data.sendInvite && origin) {
    await sendMail(ctx.db, {
      to: created.email,
      subject: `${ctx.viewer.name || ctx.viewer.email} invited you to Baton`,
      body: createElement(InviteEmail, { name: created.name, invitedBy: ctx.viewer.name || ctx.viewer.email, role: ROLE_LABELS[created.role], signInUrl: `${origin}/signin?email=${encodeURIComponent(created.email)}` }),
      idempotencyKey: `invite-${created.id}`,
    });
  }
  return toUserOutput(created);
}
