import { describe, expect, it } from "vitest";
import { hashesMatch, sha256Hex } from "@/lib/tokens/token-secret";
import { generateRoutingKey, routingKeyPrefix } from "./routing-key";

describe("routing keys", () => {
  it("are 32 lowercase letters and digits, stored as an 8-character prefix and a SHA-256", () => {
    const { key, prefix, hash } = generateRoutingKey();
    expect(key).toMatch(/^[a-z0-9]{32}$/);
    expect(prefix).toBe(key.slice(0, 8));
    expect(hash).toBe(sha256Hex(key));
    expect(hashesMatch(hash, sha256Hex(key))).toBe(true);
    expect(hash).not.toContain(key.slice(8));
  });

  it("never repeat and use the whole alphabet evenly enough", () => {
    const keys = Array.from({ length: 500 }, () => generateRoutingKey().key);
    expect(new Set(keys).size).toBe(500);
    const counts = new Map<string, number>();
    for (const ch of keys.join("")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    for (const n of counts.values()) expect(n).toBeGreaterThan(300);
  });

  it.each([
    ["a key", "abcdefgh2345678923456789abcdefgh", "abcdefgh"],
    ["too short", "abc", null],
    ["upper case", "ABCDEFGH2345678923456789ABCDEFGH", null],
    ["33 characters", "abcdefgh2345678923456789abcdefghi", null],
    ["an API token", "baton_abcdefgh_xxxxxxxxxxxxxxxxxxx", null],
  ])("prefix of %s", (_n, key, prefix) => {
    expect(routingKeyPrefix(key)).toBe(prefix);
  });
});
