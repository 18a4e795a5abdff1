import { and, eq, isNull } from "drizzle-orm";
import { integrationKeys } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { forgetIngestKeys } from "@/lib/ingest/integration-key-auth";
import { parseInput } from "@/lib/validation";
import { toKeyOutput } from "./read-services";
import { generateRoutingKey } from "./routing-key";
import { createIntegrationKeyInput, revokeIntegrationKeyInput } from "./schemas";
import { lockService, requireServiceVisible } from "./service-scope";

/** A new routing key for the service. The key is returned once; only its prefix and hash are kept. */
export async function createIntegrationKey({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "services:manage", { type: "integration_key" });
  const data = parseInput(createIntegrationKeyInput, input);
  await requireServiceVisible(ctx, data.serviceId, "services:manage");
  return ctx.db.transaction(async (tx) => {
    const service = await lockService(tx, ctx, data.serviceId);
    const { key, prefix, hash } = generateRoutingKey();
    const createdBy = ctx.viewer.userId === "admin-cli" ? null : ctx.viewer.userId;
    const [row] = await tx.insert(integrationKeys).values({ serviceId: service.id, name: data.name, prefix, hash, createdBy, createdAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: "integration_key.create", targetType: "integration_key", targetId: row!.id, clientId: service.clientId, details: { serviceId: service.id, name: data.name, prefix } });
    return { key, record: toKeyOutput(row!) };
  });
}

export async function revokeIntegrationKey({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "services:manage", { type: "integration_key" });
  const data = parseInput(revokeIntegrationKeyInput, input);
  await requireServiceVisible(ctx, data.serviceId, "services:manage");
  const revoked = await ctx.db.transaction(async (tx) => {
    const service = await lockService(tx, ctx, data.serviceId);
    const [row] = await tx
      .update(integrationKeys)
      .set({ revokedAt: ctx.now })
      .where(and(eq(integrationKeys.id, data.keyId), eq(integrationKeys.serviceId, service.id), isNull(integrationKeys.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError("Active integration key");
    await recordAudit(tx, ctx, { action: "integration_key.revoke", targetType: "integration_key", targetId: row.id, clientId: service.clientId, details: { serviceId: service.id, prefix: row.prefix } });
    return toKeyOutput(row);
  });
  // Ingestion caches key lookups for a few seconds: this app server refuses the key at once.
  forgetIngestKeys();
  return revoked;
}
