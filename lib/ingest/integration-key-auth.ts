import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { EmailRule } from "@/lib/core/alerts";
import { env } from "@/lib/env";
import { takeLocalToken, tokenBucketRetryAfter, type TokenBucketDecision } from "@/lib/ratelimit/token-bucket";
import { routingKeyPrefix } from "@/lib/services/routing-key";
import { executePrepared } from "./prepared";
import { sha256Hex } from "@/lib/tokens/token-secret";

/** Where an event goes: the service behind a routing key (or a heartbeat, which has no key). */
export type IngestTarget = {
  keyId: string | null;
  keyPrefix: string | null;
  serviceId: string;
  serviceName: string;
  clientId: string;
  teamId: string;
  escalationPolicyId: string | null;
  emailRules: EmailRule[];
};

function targetOf(row: Record<string, unknown>): IngestTarget {
  return {
    keyId: String(row.key_id),
    keyPrefix: String(row.prefix),
    serviceId: String(row.service_id),
    serviceName: String(row.service_name),
    clientId: String(row.client_id),
    teamId: String(row.team_id),
    escalationPolicyId: (row.escalation_policy_id as string | null) ?? null,
    emailRules: (typeof row.email_rules === "string" ? JSON.parse(row.email_rules) : row.email_rules) as EmailRule[],
  };
}

// Routing key hash → its service, as this process last read it. Entries live
// INGEST_KEY_CACHE_SECONDS (monotonic clock, not the request's `now`); revoking a key and
// editing or deleting a service here empty it at once (forgetIngestKeys). Unknown keys are not
// cached: a guessed key always costs a lookup, as before.
type CachedKey = { target: IngestTarget; expiresAt: number };
const CACHE_MAX = 10_000;
const KEY_CACHE = Symbol.for("baton.ingest-key-cache");
const keyCache = ((globalThis as Record<symbol, unknown>)[KEY_CACHE] ??= new Map<string, CachedKey>()) as Map<string, CachedKey>;

/** Drops every cached routing key lookup in this process (a key was revoked, a service changed or deleted). */
export function forgetIngestKeys(): void {
  keyCache.clear();
}

/**
 * The service of an active routing key and one token from the key's rate-limit bucket
 * (INGEST_RATE_LIMIT_PER_MINUTE refill, INGEST_RATE_LIMIT_BURST capacity). The key is found by
 * the SHA-256 of the whole key, so a guessed prefix drains nobody's bucket. Null for a malformed,
 * unknown or revoked key.
 *
 * With INGEST_KEY_CACHE_SECONDS > 0 (the default) the lookup is cached in this process for that
 * long and the bucket is kept in memory (lib/ratelimit/token-bucket takeLocalToken): a cached key
 * costs no round trip. A revocation made on this app server applies at once; one made on another
 * app server applies here within INGEST_KEY_CACHE_SECONDS; each app server has its own buckets.
 * With 0, every event reads the key and takes its token in the database in one statement (shared
 * by all app servers, revocation immediate everywhere). Either way the key's last use is noted
 * (minute resolution) when it is read from the database.
 */
export async function authorizeIngestKey(db: Database, rawKey: string, now: Date): Promise<{ target: IngestTarget; limit: TokenBucketDecision } | null> {
  if (!routingKeyPrefix(rawKey)) return null;
  const e = env();
  const limitCfg = { perMinute: e.INGEST_RATE_LIMIT_PER_MINUTE, burst: e.INGEST_RATE_LIMIT_BURST };
  const ttlMs = e.INGEST_KEY_CACHE_SECONDS * 1000;
  const hash = sha256Hex(rawKey);
  const at = now.toISOString();
  if (ttlMs > 0) {
    const cached = keyCache.get(hash);
    let target = cached && cached.expiresAt > performance.now() ? cached.target : undefined;
    if (!target) {
      const result = await executePrepared(db, sql`
        with k as (
          select ik.id as key_id, ik.prefix, ik.last_used_at, s.id as service_id, s.name as service_name, s.client_id, s.team_id, s.escalation_policy_id, s.email_rules
          from integration_keys ik join services s on s.id = ik.service_id
          where ik.hash = ${hash} and ik.revoked_at is null
        ),
        u as (
          update integration_keys set last_used_at = ${at}::timestamptz
          where id = (select key_id from k) and (last_used_at is null or last_used_at < ${at}::timestamptz - interval '60 seconds')
        )
        select * from k`);
      const row = result.rows[0];
      if (!row) {
        keyCache.delete(hash);
        return null;
      }
      target = targetOf(row);
      if (keyCache.size >= CACHE_MAX) keyCache.clear();
      keyCache.set(hash, { target, expiresAt: performance.now() + ttlMs });
    }
    return { target, limit: takeLocalToken(`ingest:${target.keyId}`, limitCfg, now) };
  }

  const perSecond = limitCfg.perMinute / 60;
  const burst = limitCfg.burst;
  const available = sql`least(${burst}::float8, rate_limit_token_buckets.tokens + greatest(0, extract(epoch from (${at}::timestamptz - rate_limit_token_buckets.updated_at))) * ${perSecond}::float8)`;
  const result = await executePrepared(db, sql`
    with k as (
      select ik.id as key_id, ik.prefix, ik.last_used_at, s.id as service_id, s.name as service_name, s.client_id, s.team_id, s.escalation_policy_id, s.email_rules
      from integration_keys ik join services s on s.id = ik.service_id
      where ik.hash = ${hash} and ik.revoked_at is null
    ),
    b as (
      insert into rate_limit_token_buckets (key, tokens, updated_at)
      select 'ingest:' || k.key_id, ${burst - 1}::float8, ${at}::timestamptz from k
      on conflict (key) do update set tokens = ${available} - 1, updated_at = greatest(rate_limit_token_buckets.updated_at, ${at}::timestamptz)
      where ${available} >= 1
      returning tokens
    ),
    u as (
      update integration_keys set last_used_at = ${at}::timestamptz
      where id = (select key_id from k) and (last_used_at is null or last_used_at < ${at}::timestamptz - interval '60 seconds')
    )
    select k.*, exists (select 1 from b) as allowed from k`);
  const row = result.rows[0];
  if (!row) return null;
  const target = targetOf(row);
  const allowed = row.allowed === true || row.allowed === "t";
  const limit = allowed ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: await tokenBucketRetryAfter(db, `ingest:${target.keyId}`, limitCfg, now) };
  return { target, limit };
}
