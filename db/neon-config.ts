import { neonConfig, Pool } from "@neondatabase/serverless";
import ws from "ws";

/**
 * Neon's WebSocket Pool (interactive transactions work, unlike its HTTP driver). With a
 * proxy ("host:port") it reaches a plain PostgreSQL through a WebSocket-to-TCP bridge, as
 * the tests do. Set here, in the module that also exports Pool, so one config is used.
 */
export function configureNeon(proxy?: string): { Pool: typeof Pool } {
  neonConfig.webSocketConstructor = ws;
  if (proxy) {
    neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
    neonConfig.forceDisablePgSSL = true;
  }
  return { Pool };
}
