import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/tokens/token-secret";

// 32 symbols (no l, o): one per 5 bits, so every character is uniform.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const KEY_PATTERN = /^[a-z0-9]{32}$/;
export const ROUTING_KEY_LENGTH = 32;
export const ROUTING_KEY_PREFIX_LENGTH = 8;

function randomString(length: number): string {
  return Array.from(randomBytes(length), (b) => ALPHABET[b & 31]).join("");
}

/**
 * A PagerDuty-style routing key: 32 lowercase letters and digits (160 random bits). Only its first
 * 8 characters (for lookup) and its SHA-256 are stored; the key itself is shown once.
 */
export function generateRoutingKey(): { key: string; prefix: string; hash: string } {
  const key = randomString(ROUTING_KEY_LENGTH);
  return { key, prefix: key.slice(0, ROUTING_KEY_PREFIX_LENGTH), hash: sha256Hex(key) };
}

/** The lookup prefix of something shaped like a routing key, or null. */
export function routingKeyPrefix(key: string): string | null {
  return KEY_PATTERN.test(key) ? key.slice(0, ROUTING_KEY_PREFIX_LENGTH) : null;
}

/** Heartbeat ping URLs carry a secret of the same shape. */
export const generateHeartbeatSecret = generateRoutingKey;
export const heartbeatSecretPrefix = routingKeyPrefix;
