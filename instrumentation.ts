/** Next.js start-up hook: background work of the embedded (local) workflow driver. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHeartbeatTicker } = await import("@/lib/heartbeats/heartbeat-ticker");
  startHeartbeatTicker();
}
