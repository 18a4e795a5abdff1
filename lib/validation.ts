import type { z } from "zod";
import { InvalidError } from "@/lib/errors";

/** Instants Baton stores and computes with: anything outside 1900–2199 is a typo (0001, 9999), not a plan. */
const EARLIEST_INSTANT = Date.UTC(1900, 0, 1);
const LATEST_INSTANT = Date.UTC(2200, 0, 1);
export const INSTANT_RANGE_MESSAGE = "Out of range: use a date between 1900 and 2199";

export function isInstantInRange(ms: number): boolean {
  return ms >= EARLIEST_INSTANT && ms < LATEST_INSTANT;
}

/** Deeper JSON than this is no form or API payload of Baton's (and deep recursion would overflow the stack). */
const MAX_DEPTH = 64;

// A lone half of a UTF-16 surrogate pair: no Unicode character, and PostgreSQL refuses it in JSON.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "Contains a NUL character, which can't be stored";
  if (UNPAIRED_SURROGATE.test(text)) return "Contains an unpaired surrogate, which is not valid Unicode";
  return null;
}

/**
 * Outside input that no schema can make storable: text with NUL or an unpaired surrogate
 * (PostgreSQL refuses both, in text and JSON columns alike) anywhere in it, keys included.
 * A 400 naming the field instead of a failed insert.
 */
function assertStorableText(value: unknown, path: string[] = []): void {
  if (path.length > MAX_DEPTH) throw InvalidError.field(path.slice(0, 3).join(".") + "…", `Nested more than ${MAX_DEPTH} levels deep`);
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) throw InvalidError.field(path.join(".") || "body", problem);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorableText(item, [...path, String(i)]));
  } else if (value !== null && typeof value === "object" && !(value instanceof Date) && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) throw InvalidError.field([...path, key.replace(/[\u0000\uD800-\uDFFF]/g, "\uFFFD")].join("."), `Field name: ${problem.toLowerCase()}`);
      assertStorableText(item, [...path, key]);
    }
  }
}

/**
 * Parses outside input with its zod schema; failure is an InvalidError naming each field. Text
 * that can't be stored, anywhere in the input, is refused the same way (instants are bounded by
 * their schemas: instantSchema, isoDateSchema).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix: string[] = []): z.output<S> {
  assertStorableText(input, prefix);
  const result = schema.safeParse(input);
  if (!result.success) throw InvalidError.fromZod(result.error, prefix);
  return result.data;
}
