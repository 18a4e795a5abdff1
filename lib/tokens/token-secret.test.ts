import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken, hashesMatch, parseApiToken } from "./token-secret";

describe("API token secrets", () => {
  it("has an 8-character prefix, ≥128 random bits and a SHA-256 hash", () => {
    const { token, prefix, hash } = generateApiToken();
    expect(prefix).toHaveLength(8);
    expect(token.startsWith(`baton_${prefix}_`)).toBe(true);
    const secret = token.slice(`baton_${prefix}_`.length);
    expect(Buffer.from(secret, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashApiToken(token));
    expect(hash).not.toContain(secret);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateApiToken().token));
    expect(tokens.size).toBe(200);
  });

  it.each([
    ["a token it made", generateApiToken().token, true],
    ["garbage", "hello", false],
    ["wrong scheme", "pd_abcdefgh_" + "a".repeat(43), false],
    ["short secret", "baton_abcdefgh_abc", false],
  ])("parses %s", (_name, token, ok) => {
    expect(parseApiToken(token) !== null).toBe(ok);
  });

  it("compares hashes in constant time and exactly", () => {
    const h = hashApiToken("x");
    expect(hashesMatch(h, hashApiToken("x"))).toBe(true);
    expect(hashesMatch(h, hashApiToken("y"))).toBe(false);
    expect(hashesMatch(h, "00")).toBe(false);
  });
});
