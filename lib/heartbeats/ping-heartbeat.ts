import { eq } from "drizzle-orm";
import { z } from "zod";
import { heartbeatMonitors } from "@/db/schema";
import type { SystemCtx } from "@/lib/context";
import { ingestEvent } from "@/lib/ingest/ingest-event";
import { heartbeatSecretPrefix } from "@/lib/services/routing-key";
import { hashesMatch, sha256Hex } from "@/lib/tokens/token-secret";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { heartbeatDedupKey, heartbeatTarget } from "./heartbeat-target";

const pingInput = z.object({ secret: z.string().max(64) });

/**
 * A ping from the monitored job: the next one is due an interval (plus grace) from now. A ping
 * after the monitor went down resolves the incident the missing ping opened.
 */
export async function pingHeartbeat({ ctx, input }: { ctx: SystemCtx; input: unknown }) {
  const { secret } = parseInput(pingInput, input);
  const prefix = heartbeatSecretPrefix(secret);
  if (!prefix) throw new NotFoundError("Heartbeat");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(heartbeatMonitors).where(eq(heartbeatMonitors.prefix, prefix)).for("update");
    if (!row || !hashesMatch(row.hash, sha256Hex(secret))) throw new NotFoundError("Heartbeat");
    const dueAt = new Date(ctx.now.getTime() + (row.intervalSeconds + row.graceSeconds) * 1000);
    await tx.update(heartbeatMonitors).set({ lastPingAt: ctx.now, dueAt, state: "up" }).where(eq(heartbeatMonitors.id, row.id));
    if (row.state === "down") {
      await ingestEvent({
        ctx: { db: tx, meta: ctx.meta, now: ctx.now, target: await heartbeatTarget(tx, row.serviceId), source: "heartbeat" },
        input: { event: { action: "resolve", dedupKey: heartbeatDedupKey(row.id) }, raw: { heartbeat: row.name, ping: ctx.now.toISOString() } },
      });
    }
    return { name: row.name, state: "up" as const, nextDueAt: dueAt.toISOString() };
  });
}
