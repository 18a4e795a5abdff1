/** Next.js start-up hook: background work of the embedded (local) workflow driver. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHeartbeatTicker } = await import("@/lib/heartbeats/heartbeat-ticker");
  startHeartbeatTicker();
  const { env, workflowDriver } = await import("@/lib/env");
  if (workflowDriver() !== "local") return;
  const { getDb } = await import("@/db/client");
  const { startEmbeddedDriver } = await import("@/lib/escalations/embedded-driver");
  startEmbeddedDriver(getDb, env().ESCALATION_TICK_MS);
}
