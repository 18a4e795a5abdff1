import { createECDH, createPublicKey, createDecipheriv, hkdfSync, randomBytes, verify, type ECDH } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";

export type PushRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

/**
 * A local stand-in for a browser's push service (FCM, Mozilla autopush …) on 127.0.0.1. `web-push`
 * speaks only HTTPS, so it serves TLS with a throwaway self-signed certificate (made by openssl),
 * which `trust()` adds to the default HTTPS agent for the test's lifetime. It records every request
 * and answers the status scripted for the path's first segment (`/status-410/…` → 410), else 201.
 */
export function pushServiceStandIn() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "push-stand-in-"));
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyFile, "-out", certFile], { stdio: "ignore" });
  const cert = fs.readFileSync(certFile, "utf8");
  const key = fs.readFileSync(keyFile, "utf8");
  fs.rmSync(dir, { recursive: true, force: true });

  const requests: PushRequest[] = [];
  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      const status = Number(/^\/status-(\d{3})\//.exec(req.url ?? "")?.[1] ?? 201);
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status < 300 ? "" : `stand-in says ${status}`);
    });
  });
  const agentOptions = https.globalAgent.options as https.AgentOptions;
  const previousCa = agentOptions.ca;
  let origin = "";
  return {
    requests,
    get origin() {
      return origin;
    },
    async start(): Promise<string> {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
      origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // web-push calls https.request without an agent: the global agent must trust our certificate.
      agentOptions.ca = cert;
      https.globalAgent.destroy();
      return origin;
    },
    async stop(): Promise<void> {
      agentOptions.ca = previousCa;
      https.globalAgent.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** What a browser holds for one subscription: a P-256 key pair and a 16-byte auth secret. */
export function browserPushKeys(): { ecdh: ECDH; auth: Buffer; p256dh: string; authB64: string } {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString("base64url"), authB64: auth.toString("base64url") };
}

/**
 * Decrypts an `aes128gcm` push message body the way the browser does (RFC 8291 on RFC 8188):
 * header salt(16) | rs(4) | idlen(1) | keyid = the server's ephemeral public key; ECDH with the
 * subscription's private key, HKDF with the auth secret, then AES-128-GCM with the derived key and
 * nonce; the plaintext ends with the 0x02 last-record delimiter and zero padding.
 */
export function decryptPushBody(body: Buffer, keys: { ecdh: ECDH; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const serverPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  if (idlen !== 65) throw new Error(`keyid is ${idlen} bytes, not a P-256 public key`);
  if (record.length > rs) throw new Error(`one record expected, ${record.length} bytes > rs ${rs}`);
  const shared = keys.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, keys.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("no last-record delimiter (0x02)");
  return padded.subarray(0, end).toString("utf8");
}

/**
 * Reads `Authorization: vapid t=<JWT>, k=<public key>` (RFC 8292): the JWT's header and claims,
 * the key, and whether the ES256 signature verifies with that key.
 */
export function readVapidAuthorization(header: string | undefined) {
  const m = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!m) throw new Error(`not a VAPID Authorization header: ${header}`);
  const [jwt, k] = [m[1]!, m[2]!];
  const [h, p, s] = jwt.split(".") as [string, string, string];
  const raw = Buffer.from(k, "base64url");
  const publicKey = createPublicKey({ key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") }, format: "jwk" });
  const verified = verify("sha256", Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"));
  return {
    header: JSON.parse(Buffer.from(h, "base64url").toString()) as { typ?: string; alg?: string },
    claims: JSON.parse(Buffer.from(p, "base64url").toString()) as { aud?: string; sub?: string; exp?: number },
    publicKey: k,
    verified,
  };
}
