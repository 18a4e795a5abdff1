import { clients } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getClient } from "./read-clients";
import { saveClientLinks } from "./save-client-links";
import { createClientInput } from "./schemas";

export async function createClient({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "clients:manage", { type: "client" });
  const data = parseInput(createClientInput, input);
  let clientId: string;
  try {
    clientId = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(clients)
        .values({ name: data.name, timeZone: data.timeZone, businessHours: data.businessHours, notes: data.notes, slaTargets: data.slaTargets, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: clients.id });
      const id = row!.id;
      await saveClientLinks(tx, id, data);
      await recordAudit(tx, ctx, { action: "client.create", targetType: "client", targetId: id, clientId: id, details: { name: data.name, timeZone: data.timeZone } });
      return id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A client named "${data.name}" already exists.`);
    throw e;
  }
  return getClient(ctx, clientId);
}
