import { count, eq } from "drizzle-orm";
import { incidents, services } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, InvalidError } from "@/lib/errors";
import { forgetIngestKeys } from "@/lib/ingest/integration-key-auth";
import { parseInput } from "@/lib/validation";
import { deleteServiceInput } from "./schemas";
import { lockService, requireServiceVisible } from "./service-scope";

/** Removes a service with its keys, rules, windows and heartbeats. One with incidents keeps its history: refused. */
export async function deleteService({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  await requirePermission(ctx, "services:manage", { type: "service" });
  const data = parseInput(deleteServiceInput, input);
  await requireServiceVisible(ctx, data.serviceId, "services:manage");
  await ctx.db.transaction(async (tx) => {
    const row = await lockService(tx, ctx, data.serviceId);
    if (data.confirmName !== undefined && data.confirmName.trim() !== row.name) throw InvalidError.field("confirmName", "Type the service's name to confirm");
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(incidents).where(eq(incidents.serviceId, row.id));
    if (n > 0) throw new ConflictError(`${row.name} has ${n} incident${n === 1 ? "" : "s"}; their history stays. Revoke its keys instead.`);
    await tx.delete(services).where(eq(services.id, row.id));
    await recordAudit(tx, ctx, { action: "service.delete", targetType: "service", targetId: row.id, clientId: row.clientId, details: { name: row.name } });
  });
  // Its keys went with it: ingestion's cached lookups of them too.
  forgetIngestKeys();
}
