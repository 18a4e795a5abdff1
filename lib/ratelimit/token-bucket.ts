import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rateLimitTokenBuckets } from "@/db/schema";

/**
 * Token buckets in the database (rate_limit_token_buckets), shared by every app server: a bucket
 * holds at most `burst` tokens and refills at `perMinute`; each request takes one. Ingestion takes
 * its token in the same statement that finds the integration key (lib/ingest/integration-key-auth).
 */
export type TokenBucketLimit = { perMinute: number; burst: number };
export type TokenBucketDecision = { allowed: boolean; retryAfterSeconds: number };

/** Seconds until `key`'s bucket holds a whole token again (for Retry-After). */
export async function tokenBucketRetryAfter(db: Queryable, key: string, limit: TokenBucketLimit, now: Date): Promise<number> {
  const t = rateLimitTokenBuckets;
  const perSecond = limit.perMinute / 60;
  const [row] = await db
    .select({ tokens: sql<number>`least(${limit.burst}::float8, ${t.tokens} + greatest(0, extract(epoch from (${now.toISOString()}::timestamptz - ${t.updatedAt}))) * ${perSecond}::float8)` })
    .from(t)
    .where(eq(t.key, key));
  return Math.max(1, Math.ceil((1 - Number(row?.tokens ?? 0)) / perSecond));
}
