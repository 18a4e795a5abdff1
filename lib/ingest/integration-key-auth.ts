import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { EmailRule } from "@/lib/core/alerts";
import { env } from "@/lib/env";
import { tokenBucketRetryAfter, type TokenBucketDecision } from "@/lib/ratelimit/token-bucket";
import { routingKeyPrefix } from "@/lib/services/routing-key";
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

/**
 * The service of an active routing key and one token from the key's rate-limit bucket
 * (INGEST_RATE_LIMIT_PER_MINUTE refill, INGEST_RATE_LIMIT_BURST capacity), in one statement: the
 * key is found by the SHA-256 of the whole key, so a guessed prefix drains nobody's bucket. Also
 * notes the key's last use (at minute resolution). Null for a malformed, unknown or revoked key.
 */
export async function authorizeIngestKey(db: Database, rawKey: string, now: Date): Promise<{ target: IngestTarget; limit: TokenBucketDecision } | null> {
  if (!routingKeyPrefix(rawKey)) return null;
  const e = env();
  const perSecond = e.INGEST_RATE_LIMIT_PER_MINUTE / 60;
  const burst = e.INGEST_RATE_LIMIT_BURST;
  const at = now.toISOString();
  const available = sql`least(${burst}::float8, rate_limit_token_buckets.tokens + greatest(0, extract(epoch from (${at}::timestamptz - rate_limit_token_buckets.updated_at))) * ${perSecond}::float8)`;
  const result = await db.execute(sql`
    with k as (
      select ik.id as key_id, ik.prefix, ik.last_used_at, s.id as service_id, s.name as service_name, s.client_id, s.team_id, s.escalation_policy_id, s.email_rules
      from integration_keys ik join services s on s.id = ik.service_id
      where ik.hash = ${sha256Hex(rawKey)} and ik.revoked_at is null
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
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) return null;
  const target: IngestTarget = {
    keyId: String(row.key_id),
    keyPrefix: String(row.prefix),
    serviceId: String(row.service_id),
    serviceName: String(row.service_name),
    clientId: String(row.client_id),
    teamId: String(row.team_id),
    escalationPolicyId: (row.escalation_policy_id as string | null) ?? null,
    emailRules: (typeof row.email_rules === "string" ? JSON.parse(row.email_rules) : row.email_rules) as EmailRule[],
  };
  const allowed = row.allowed === true || row.allowed === "t";
  const limit = allowed ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: await tokenBucketRetryAfter(db, `ingest:${target.keyId}`, { perMinute: e.INGEST_RATE_LIMIT_PER_MINUTE, burst }, now) };
  return { target, limit };
}
