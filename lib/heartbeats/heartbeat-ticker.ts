import { getDb } from "@/db/client";
import { workflowDriver } from "@/lib/env";
import { checkHeartbeats } from "./check-heartbeats";

const TICK_MS = 30_000;
const KEY = Symbol.for("baton.heartbeat-ticker");

/**
 * The embedded driver's heartbeat check: every 30 s in the server process. With Inngest
 * configured the workflow issue's cron function runs checkHeartbeats instead.
 */
export function startHeartbeatTicker(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[KEY] || workflowDriver() !== "local") return;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { down } = await checkHeartbeats({ db: await getDb(), meta: { ip: null, requestId: `heartbeat-${crypto.randomUUID()}` }, now: new Date() });
      if (down.length) console.log(`[heartbeats] ${down.length} missed: incident opened`);
    } catch (e) {
      console.error("[heartbeats] check failed", e);
    } finally {
      running = false;
    }
  }, TICK_MS);
  timer.unref();
  g[KEY] = timer;
}
