import http from "node:http";
import type { AddressInfo } from "node:net";

type Answer = { status: number; body: unknown };

/**
 * A local stand-in for Resend's HTTP API: records requests, answers with scripted statuses (then
 * 200). `answer` may answer a request itself (say GET /emails/receiving/{id}) before the script.
 */
export function resendStandIn(statuses: number[], answer?: (req: { method: string; path: string }) => Answer | undefined) {
  const requests: { method: string; path: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "GET", path: req.url ?? "", headers: req.headers, body: JSON.parse(raw || "{}") });
      const own = answer?.({ method: req.method ?? "GET", path: req.url ?? "" });
      if (own) {
        res.writeHead(own.status, { "content-type": "application/json" });
        res.end(JSON.stringify(own.body));
        return;
      }
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
