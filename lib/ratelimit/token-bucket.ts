import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rateLimitTokenBuckets } from "@/db/schema";

/**
 * Token buckets in the database (rate_limit_token_buckets), shared by every app server: a bucket
 * holds at most `burst` tokens and refills at `perMinute`; each request takes one. Ingestion takes
 * its token in the same statement that finds the integration key when keys are not cached
 * (INGEST_KEY_CACHE_SECONDS=0), else from an in-memory bucket per app server (takeLocalToken).
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

type LocalBucket = { tokens: number; updatedAt: number };
const LOCAL_BUCKETS_MAX = 100_000;
// On globalThis, so every bundle of the app (Next may load this module more than once) shares them.
const LOCAL_BUCKETS = Symbol.for("baton.local-token-buckets");
const localBuckets = ((globalThis as Record<symbol, unknown>)[LOCAL_BUCKETS] ??= new Map<string, LocalBucket>()) as Map<string, LocalBucket>;

/**
 * The same token bucket kept in this process's memory: no round trip, but each app server keeps
 * its own, so with N app servers a key may send up to N times the limit. Time is `now` (never
 * runs backwards for a bucket). Used for ingestion while integration keys are cached
 * (INGEST_KEY_CACHE_SECONDS > 0).
 */
export function takeLocalToken(key: string, limit: TokenBucketLimit, now: Date): TokenBucketDecision {
  const perSecond = limit.perMinute / 60;
  const t = now.getTime();
  let b = localBuckets.get(key);
  if (!b) {
    if (localBuckets.size >= LOCAL_BUCKETS_MAX) localBuckets.clear();
    b = { tokens: limit.burst, updatedAt: t };
    localBuckets.set(key, b);
  }
  const tokens = Math.min(limit.burst, b.tokens + (Math.max(0, t - b.updatedAt) / 1000) * perSecond);
  b.updatedAt = Math.max(b.updatedAt, t);
  if (tokens >= 1) {
    b.tokens = tokens - 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }
  b.tokens = tokens;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
}
