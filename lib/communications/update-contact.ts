import { and, eq } from "drizzle-orm";
import { clientContacts } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toContactOutput } from "./contact-output";
import { updateContactInput, type ContactOutput } from "./schemas";

/** Changes a directory entry (its client stays). */
export async function updateContact({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ContactOutput> {
  await requirePermission(ctx, "clients:manage", { type: "contact" });
  const data = parseInput(updateContactInput, input);
  await requireClientVisible(ctx, data.clientId);
  const { contactId, clientId, ...fields } = data;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(clientContacts)
      .set(fields)
      .where(and(eq(clientContacts.id, contactId), eq(clientContacts.clientId, clientId)))
      .returning();
    if (!row) throw new NotFoundError("Contact");
    await recordAudit(tx, ctx, { action: "contact.update", targetType: "contact", targetId: row.id, clientId });
    return toContactOutput(row);
  });
}
