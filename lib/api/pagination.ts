import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { InvalidError } from "@/lib/errors";

export const pageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;
export type Page<T> = { data: T[]; nextCursor: string | null };

type Key = [string, string];

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string): Key {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === 2 && key.every((k) => typeof k === "string")) return key as Key;
  } catch {
    // fall through
  }
  throw InvalidError.field("cursor", "Not a cursor this API returned");
}

/** Keyset condition "after the cursor" on (sort column, id). */
export function afterCursor(cursor: string | undefined, sortCol: AnyColumn, idCol: AnyColumn): SQL | undefined {
  if (!cursor) return undefined;
  const [sortValue, id] = decodeCursor(cursor);
  return sql`(${sortCol}, ${idCol}) > (${sortValue}, ${id})`;
}

/** Rows were fetched with limit + 1: the extra one says whether another page exists. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => Key, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { data: pageRows.map(map), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}
