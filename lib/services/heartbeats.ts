import { and, eq } from "drizzle-orm";
import { heartbeatMonitors } from "@/db/schema";
import { requirePermission } from "@/lib/access/check";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { toHeartbeatOutput } from "./read-services";
import { generateHeartbeatSecret } from "./routing-key";
import { createHeartbeatInput, deleteHeartbeatInput } from "./schemas";
import { lockService, requireServiceVisible } from "./service-scope";

/** The path a heartbeat pings (POST); the secret in it is shown once. */
export const heartbeatPingPath = (secret: string) => `/api/v1/heartbeats/${secret}`;

/** A monitor that expects a ping every interval; the first is due one interval (plus grace) from now. */
export async function createHeartbeat({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "services:manage", { type: "heartbeat" });
  const data = parseInput(createHeartbeatInput, input);
  await requireServiceVisible(ctx, data.serviceId, "services:manage");
  return ctx.db.transaction(async (tx) => {
    const service = await lockService(tx, ctx, data.serviceId);
    const { key, prefix, hash } = generateHeartbeatSecret();
    const intervalSeconds = data.intervalMinutes * 60;
    const graceSeconds = data.graceMinutes * 60;
    const dueAt = new Date(ctx.now.getTime() + (intervalSeconds + graceSeconds) * 1000);
    const [row] = await tx.insert(heartbeatMonitors).values({ serviceId: service.id, name: data.name, intervalSeconds, graceSeconds, prefix, hash, dueAt, createdAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: "heartbeat.create", targetType: "heartbeat", targetId: row!.id, clientId: service.clientId, details: { serviceId: service.id, name: data.name, intervalSeconds, prefix } });
    return { pingPath: heartbeatPingPath(key), record: toHeartbeatOutput(row!) };
  });
}

export async function deleteHeartbeat({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await requirePermission(ctx, "services:manage", { type: "heartbeat" });
  const data = parseInput(deleteHeartbeatInput, input);
  await requireServiceVisible(ctx, data.serviceId, "services:manage");
  await ctx.db.transaction(async (tx) => {
    const service = await lockService(tx, ctx, data.serviceId);
    const [row] = await tx.delete(heartbeatMonitors).where(and(eq(heartbeatMonitors.id, data.heartbeatId), eq(heartbeatMonitors.serviceId, service.id))).returning();
    if (!row) throw new NotFoundError("Heartbeat");
    await recordAudit(tx, ctx, { action: "heartbeat.delete", targetType: "heartbeat", targetId: row.id, clientId: service.clientId, details: { serviceId: service.id, name: row.name } });
  });
}
