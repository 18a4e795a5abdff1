import { eq } from "drizzle-orm";
import { clientContacts, clients } from "@/db/schema";
import { requireClientVisible, requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toContactOutput } from "./contact-output";
import { createContactInput, type ContactOutput } from "./schemas";

/** Adds a person to a client's stakeholder directory. */
export async function createContact({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ContactOutput> {
  await requirePermission(ctx, "clients:manage", { type: "client" });
  const data = parseInput(createContactInput, input);
  await requireClientVisible(ctx, data.clientId);
  return ctx.db.transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, data.clientId));
    if (!client) throw new NotFoundError("Client");
    const [row] = await tx.insert(clientContacts).values({ ...data, createdAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: "contact.create", targetType: "contact", targetId: row!.id, clientId: data.clientId, details: { role: data.role } });
    return toContactOutput(row!);
  });
}
