import { apiTokens } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { recordAudit, type AuditContext } from "@/lib/audit/record";
import { generateApiToken } from "./token-secret";
import type { TokenOutput } from "./schemas";

export function toTokenOutput(t: typeof apiTokens.$inferSelect): TokenOutput {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    userId: t.userId,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** Stores a new token for `userId` and returns its plaintext, which is never stored or shown again. */
export async function issueToken(db: Queryable, audit: AuditContext, userId: string, name: string, now: Date) {
  const { token, prefix, hash } = generateApiToken();
  const [row] = await db.insert(apiTokens).values({ userId, name, prefix, hash, createdAt: now }).returning();
  await recordAudit(db, audit, { action: "token.create", targetType: "api_token", targetId: row!.id, details: { userId, name, prefix } });
  return { token, record: toTokenOutput(row!) };
}
