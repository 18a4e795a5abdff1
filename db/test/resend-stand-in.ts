import http from "node:http";
import type { AddressInfo } from "node:net";

/** A local stand-in for Resend's HTTP API: records requests, answers with scripted statuses (then 200). */
export function resendStandIn(statuses: number[]) {
  const requests: { path: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(raw || "{}") });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status < 300 ? { id: `re_${requests.length}` } : { name: "error", message: `status ${status}`, statusCode: status }));
    });
  });
  return {
    requests,
    start: () => new Promise<string>((r) => server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
