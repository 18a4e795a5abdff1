import { eq } from "drizzle-orm";
import { clients } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getClient } from "./read-clients";
import { saveClientLinks } from "./save-client-links";
import { updateClientInput } from "./schemas";

export async function updateClient({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "clients:manage", { type: "client" });
  const data = parseInput(updateClientInput, input);
  try {
    await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(clients).where(eq(clients.id, data.clientId)).for("update");
      if (!before) throw new NotFoundError("Client");
      const { clientId, holidays, teamIds, stakeholderIds, ...fields } = data;
      const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      await tx.update(clients).set({ ...patch, updatedAt: ctx.now }).where(eq(clients.id, clientId));
      await saveClientLinks(tx, clientId, { holidays, teamIds, stakeholderIds });
      await recordAudit(tx, ctx, {
        action: "client.update",
        targetType: "client",
        targetId: clientId,
        clientId,
        details: { changed: [...Object.keys(patch), ...(holidays ? ["holidays"] : []), ...(teamIds ? ["teams"] : []), ...(stakeholderIds ? ["stakeholders"] : [])] },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A client named "${data.name}" already exists.`);
    throw e;
  }
  return getClient(ctx, data.clientId);
}
