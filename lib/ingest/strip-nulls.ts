/** PostgreSQL text and jsonb cannot hold U+0000: remove it from every string (keys too) before storing. */
export function stripNulls<T>(value: T, depth = 0): T {
  if (typeof value === "string") return (value.includes("\u0000") ? value.replaceAll("\u0000", "") : value) as T;
  if (depth > 100 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => stripNulls(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[stripNulls(k)] = stripNulls(v, depth + 1);
  return out as T;
}
