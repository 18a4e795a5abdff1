import fs from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { env } from "@/lib/env";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

let cached: VapidKeys | undefined;

/**
 * The server's VAPID keys: VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY / VAPID_SUBJECT when set (several
 * app servers must share them), else a pair generated once and kept in the data folder.
 */
export function vapidKeys(): VapidKeys {
  if (cached) return cached;
  const e = env();
  const subject = e.VAPID_SUBJECT ?? `mailto:${/<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? "baton@localhost"}`;
  if (e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY) {
    cached = { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject };
    return cached;
  }
  const file = path.resolve(e.BATON_DATA_DIR, "vapid.json");
  try {
    const stored = JSON.parse(fs.readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
    cached = { ...stored, subject };
  } catch {
    const generated = webpush.generateVAPIDKeys();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(generated), { mode: 0o600 });
    cached = { ...generated, subject };
  }
  return cached;
}

/** Tests use their own keys. */
export function setVapidKeys(keys: VapidKeys | undefined): void {
  cached = keys;
}
