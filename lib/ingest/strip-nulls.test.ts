import { describe, expect, it } from "vitest";
import { nestedDeeperThan } from "./event-schema";
import { stripNulls } from "./strip-nulls";

describe("stripNulls", () => {
  it("removes NUL and replaces unpaired surrogates with U+FFFD, in values and keys, keeping real pairs", () => {
    expect(stripNulls({ "k\u0000\ud800": ["a\u0000b", "lone \udc00 and \ud83d", "pair \ud83d\ude00"], n: 1, x: null })).toEqual({ "k\ufffd": ["ab", "lone \ufffd and \ufffd", "pair \u{1f600}"], n: 1, x: null });
  });
});

describe("nestedDeeperThan", () => {
  const nest = (n: number): unknown => (n === 0 ? 1 : n % 2 ? [nest(n - 1)] : { a: nest(n - 1) });
  it("counts arrays and objects; a scalar is 0 deep", () => {
    expect(nestedDeeperThan("x", 0)).toBe(false);
    expect(nestedDeeperThan([], 0)).toBe(true);
    expect(nestedDeeperThan(nest(32), 32)).toBe(false);
    expect(nestedDeeperThan(nest(33), 32)).toBe(true);
    expect(nestedDeeperThan({ a: 1, b: [[{ c: [] }]] }, 5)).toBe(false);
    expect(nestedDeeperThan({ a: 1, b: [[{ c: [] }]] }, 4)).toBe(true);
  });
  it("stops early on JSON nested thousands of levels deep", () => {
    expect(nestedDeeperThan(JSON.parse("[".repeat(100_000) + "]".repeat(100_000)), 32)).toBe(true);
  });
});
