import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { clientContacts } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/http/common-schemas";
import { parseInput } from "@/lib/validation";

/** Removes a directory entry; updates already sent keep their copy of the recipient. */
export async function deleteContact({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "clients:manage", { type: "contact" });
  const data = parseInput(z.object({ clientId: idSchema, contactId: idSchema }), input);
  await requireClientVisible(ctx, data.clientId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(clientContacts)
      .where(and(eq(clientContacts.id, data.contactId), eq(clientContacts.clientId, data.clientId)))
      .returning({ id: clientContacts.id });
    if (!row) throw new NotFoundError("Contact");
    await recordAudit(tx, ctx, { action: "contact.delete", targetType: "contact", targetId: row.id, clientId: data.clientId });
  });
}
