import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/access/viewer";
import { hashApiToken, hashesMatch, parseApiToken } from "./token-secret";

const LAST_USED_RESOLUTION_MS = 60_000;

/** The viewer a bearer token acts as, or null for a missing, malformed, unknown or revoked token. */
export async function authenticateToken(db: Database, authorization: string | null, now: Date): Promise<Viewer | null> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!m) return null;
  const token = m[1]!;
  const parsed = parseApiToken(token);
  if (!parsed) return null;
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.prefix, parsed.prefix), isNull(apiTokens.revokedAt)));
  if (!row || !hashesMatch(row.hash, hashApiToken(token))) return null;
  // Last use at minute resolution: one write a minute per token, not one per request.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))));
  return loadViewer(db, row.userId, "token");
}
