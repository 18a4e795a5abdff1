import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

/**
 * A new API token: "baton_<8-char prefix>_<43-char secret>" with 256 random bits in the
 * secret. Only the prefix (for lookup) and SHA-256 of the whole token are stored.
 */
export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const bytes = randomBytes(8);
  const prefix = Array.from(bytes, (b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join("");
  const token = `baton_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix, hash: hashApiToken(token) };
}

/** SHA-256 of a secret as hex: how API tokens, integration keys and heartbeat URLs are stored. */
export function sha256Hex(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function hashApiToken(token: string): string {
  return sha256Hex(token);
}

export function parseApiToken(token: string): { prefix: string } | null {
  const m = /^baton_([a-z2-9]{8})_[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? { prefix: m[1]! } : null;
}

export function hashesMatch(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
