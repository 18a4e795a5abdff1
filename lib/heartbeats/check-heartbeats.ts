import { and, asc, eq, lte, ne } from "drizzle-orm";
import { heartbeatMonitors } from "@/db/schema";
import type { SystemCtx } from "@/lib/context";
import { ingestEvent } from "@/lib/ingest/ingest-event";
import { heartbeatDedupKey, heartbeatTarget } from "./heartbeat-target";

const BATCH = 100;

/**
 * Marks every monitor whose ping is overdue as down and opens an alert for it (through the same
 * ingestion as any event: priority rules, business hours, maintenance). Safe to run from several
 * app servers at once: each monitor is claimed with SKIP LOCKED and its state changes once.
 */
export async function checkHeartbeats(ctx: SystemCtx): Promise<{ down: string[] }> {
  const down: string[] = [];
  for (let round = 0; round < 50; round++) {
    const claimed = await ctx.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(heartbeatMonitors)
        .where(and(lte(heartbeatMonitors.dueAt, ctx.now), ne(heartbeatMonitors.state, "down")))
        .orderBy(asc(heartbeatMonitors.dueAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const hb of due) {
        await tx.update(heartbeatMonitors).set({ state: "down" }).where(eq(heartbeatMonitors.id, hb.id));
        const since = hb.lastPingAt ? `no ping since ${hb.lastPingAt.toISOString()}` : "no ping yet";
        await ingestEvent({
          ctx: { db: tx, meta: ctx.meta, now: ctx.now, target: await heartbeatTarget(tx, hb.serviceId), source: "heartbeat" },
          input: {
            event: {
              action: "trigger",
              dedupKey: heartbeatDedupKey(hb.id),
              summary: `Heartbeat “${hb.name}” missed: ${since}`,
              severity: "error",
              source: "baton-heartbeat",
              component: hb.name,
              class: "heartbeat",
              customDetails: { intervalMinutes: hb.intervalSeconds / 60, graceMinutes: hb.graceSeconds / 60, lastPingAt: hb.lastPingAt?.toISOString() ?? null, dueAt: hb.dueAt.toISOString() },
            },
            raw: { heartbeat: hb.name, dueAt: hb.dueAt.toISOString(), checkedAt: ctx.now.toISOString() },
          },
        });
        down.push(hb.id);
      }
      return due.length;
    });
    if (claimed < BATCH) break;
  }
  return { down };
}
