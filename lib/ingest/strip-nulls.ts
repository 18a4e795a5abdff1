/**
 * PostgreSQL text and jsonb cannot hold U+0000 nor an unpaired UTF-16 surrogate (no character at
 * all; JSON.parse lets "\ud800" through): every string (keys too) loses its NULs and has each
 * unpaired surrogate replaced by U+FFFD before storing, so such an event is stored, not refused
 * by the database (a 5xx its sender would retry forever).
 */
export function stripNulls<T>(value: T, depth = 0): T {
  if (typeof value === "string") return storableText(value) as T;
  if (depth > 100 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => stripNulls(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[storableText(k)] = stripNulls(v, depth + 1);
  return out as T;
}

function storableText(s: string): string {
  const noNul = s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
  return noNul.isWellFormed() ? noNul : noNul.toWellFormed();
}
