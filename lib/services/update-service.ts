import { eq } from "drizzle-orm";
import { services } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { requirePolicyExists } from "@/lib/escalation-policies/policy-references";
import { forgetIngestKeys } from "@/lib/ingest/integration-key-auth";
import { parseInput } from "@/lib/validation";
import { requireTeamServesClient } from "./create-service";
import { getService } from "./read-services";
import { updateServiceInput } from "./schemas";
import { lockService, requireServiceVisible } from "./service-scope";

export async function updateService({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "services:manage", { type: "service" });
  const data = parseInput(updateServiceInput, input);
  await requireServiceVisible(ctx, data.serviceId, "services:manage");
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await lockService(tx, ctx, data.serviceId);
      const { serviceId, ...fields } = data;
      if (fields.teamId) await requireTeamServesClient(tx, before.clientId, fields.teamId);
      if (fields.escalationPolicyId) await requirePolicyExists(tx, fields.escalationPolicyId);
      const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      await tx.update(services).set({ ...patch, updatedAt: ctx.now }).where(eq(services.id, serviceId));
      await recordAudit(tx, ctx, { action: "service.update", targetType: "service", targetId: serviceId, clientId: before.clientId, details: { changed: Object.keys(patch) } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A service named "${data.name}" already exists.`);
    throw e;
  } finally {
    // Ingestion caches each key's service (name, team, policy, email rules) for a few seconds.
    forgetIngestKeys();
  }
  return getService(ctx, data.serviceId);
}
