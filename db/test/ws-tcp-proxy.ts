import net from "node:net";
import { WebSocketServer } from "ws";

/**
 * A WebSocket-to-TCP bridge on loopback, as Neon's edge is: lets the real
 * @neondatabase/serverless Pool talk to a plain local PostgreSQL in tests.
 */
export async function startWsTcpProxy(): Promise<{ address: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  wss.on("connection", (ws, req) => {
    const target = new URL(req.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    const [host, port] = target.split(":");
    if (!host || !port || !["127.0.0.1", "localhost"].includes(host)) {
      ws.close(1008, "address must be a loopback host:port");
      return;
    }
    const socket = net.connect(Number(port), host);
    socket.on("data", (chunk) => ws.readyState === ws.OPEN && ws.send(chunk));
    socket.on("close", () => ws.close());
    socket.on("error", () => ws.close());
    ws.on("message", (data) => socket.write(data as Buffer));
    ws.on("close", () => socket.end());
    ws.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const { port } = wss.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
