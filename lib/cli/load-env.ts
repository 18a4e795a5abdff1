import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { loadEnvConfig } from "@next/env";

/** Loads .env files the way Next does, so scripts and the server read the same configuration. */
export function loadEnvFiles(dev = false): void {
  loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}

/**
 * Auth.js needs a secret. A fresh machine has none: make one and keep it in the data folder so
 * sessions survive restarts. Several app servers must share AUTH_SECRET from the environment.
 */
export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const dir = path.resolve(process.env.BATON_DATA_DIR || ".data");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
