import { eq } from "drizzle-orm";
import { clients } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError, isForeignKeyViolation, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { deleteClientInput } from "./schemas";

export async function deleteClient({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "clients:manage", { type: "client" });
  const data = parseInput(deleteClientInput, input);
  try {
    await ctx.db.transaction(async (tx) => {
      const [client] = await tx.select().from(clients).where(eq(clients.id, data.clientId)).for("update");
      if (!client) throw new NotFoundError("Client");
      if (data.confirmName !== undefined && data.confirmName.trim() !== client.name) {
        throw InvalidError.field("confirmName", `Type "${client.name}" to confirm`);
      }
      await tx.delete(clients).where(eq(clients.id, data.clientId));
      await recordAudit(tx, ctx, { action: "client.delete", targetType: "client", targetId: client.id, clientId: client.id, details: { name: client.name } });
    });
  } catch (e) {
    // Services and incidents keep their client and team: refuse rather than lose history.
    if (isForeignKeyViolation(e)) throw new ConflictError("This client still has services or incidents: delete its services (or move them) first.");
    throw e;
  }
}
